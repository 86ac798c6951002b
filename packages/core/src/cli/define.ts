import type { CommandContext } from './context.js';
import type { OptionArgs, OptionSpecs, PositionalArgs, PositionalSpecs } from './option-spec.js';

/** A help example: the command line and what it does. */
export type Example = readonly [command: string, meaning: string];

/** The parts of a command shared by sub-commands and single-command tools. */
export interface CommandBody<O extends OptionSpecs = OptionSpecs, P extends PositionalSpecs = PositionalSpecs> {
  /** The command's own options; their values land in `ctx.args` and, with `-s`, in the tool's config section. */
  options?: O;
  /** Positional arguments, in order. */
  positionals?: P;
  /** Help examples, the best teacher. */
  examples?: readonly Example[];
  /** Adds `-d/--dry-run` (one-shot); its value is `ctx.dryRun`. */
  dryRun?: boolean;
  /** Adds `--json` (one-shot); its value is `ctx.json`, print with `ctx.out.json`. */
  json?: boolean;
  /** The work. Answers the exit code (default 0); throws PCloudError for expected failures. */
  // biome-ignore lint/suspicious/noConfusingVoidType: a handler that returns nothing means exit code 0
  handler(ctx: CommandContext<OptionArgs<O> & PositionalArgs<P>>): Promise<number | void> | number | void;
}

/** A sub-command (`pcutil cp …`). */
export interface CommandSpec<O extends OptionSpecs = OptionSpecs, P extends PositionalSpecs = PositionalSpecs> extends CommandBody<O, P> {
  /** The word that selects it. */
  name: string;
  /** One help line. */
  describe: string;
}

/** What every tool declares. */
export interface ToolInfo {
  /** The bin's name, used in help and messages (`pcutil`). */
  name: string;
  /** The package's real version, printed by `--version`. */
  version: string;
  /** One or two help sentences. */
  description: string;
  /** The tool's config section (default: `name`), e.g. `playlist` for `pcloud-playlist`. */
  section?: string;
  /** Tool-level help examples. */
  examples?: readonly Example[];
  /** A paragraph at the end of `--help`. */
  epilogue?: string;
  /** Rewrites the command line before it is parsed: an original tool's spelling into today's (`--list` into `list`). */
  translateArgv?: (argv: readonly string[]) => readonly string[];
}

/** A tool with sub-commands. */
export interface MultiCommandToolSpec extends ToolInfo {
  // Methods are bivariant in their parameters, so commands with their own argument types fit here.
  // biome-ignore lint/suspicious/noExplicitAny: each command keeps its own argument types (see above)
  commands: readonly CommandSpec<any, any>[];
}

/** A tool that is one command: its options, positionals and handler sit on the tool itself. */
export type SingleCommandToolSpec<O extends OptionSpecs, P extends PositionalSpecs> = ToolInfo & CommandBody<O, P>;

/**
 * Declares the one command of a single-command tool (`createTool({ ...info, ...command })`), with
 * its argument types inferred from its options and positionals, as defineCommand does for a sub-command.
 */
// biome-ignore lint/complexity/noBannedTypes: `{}` is "no options declared", the identity of the mapped argument types
export function defineMainCommand<const O extends OptionSpecs = {}, const P extends PositionalSpecs = {}>(
  body: CommandBody<O, P>,
): CommandBody<O, P> {
  return body;
}

/** Declares a sub-command with its argument types inferred from its options and positionals. */
// biome-ignore lint/complexity/noBannedTypes: `{}` is "no options declared", the identity of the mapped argument types
export function defineCommand<const O extends OptionSpecs = {}, const P extends PositionalSpecs = {}>(
  spec: CommandSpec<O, P>,
): CommandSpec<O, P> {
  return spec;
}
