import yargs, { type Argv } from 'yargs';
import { COMMON_OPTIONS } from './common-options.js';
import type { CommandBody, Example, ToolInfo } from './define.js';
import type { PositionalSpecs } from './option-spec.js';

/** A command as the parser sees it: a sub-command (`name`) or the tool's only command. */
export interface ParsedCommandSpec {
  name: string | undefined;
  describe: string;
  body: CommandBody;
}

/** What parsing a command line came to. */
export type ParseOutcome =
  | { kind: 'output'; text: string }
  | { kind: 'usage-error'; message: string; command: string | undefined }
  | { kind: 'command'; command: ParsedCommandSpec; argv: Record<string, unknown> };

const HELP_WIDTH = 100;

function commandString(name: string, positionals: PositionalSpecs | undefined): string {
  const parts = Object.entries(positionals ?? {}).map(([key, spec]) => {
    const inner = `${key}${spec.variadic ? '..' : ''}`;
    return spec.optional ? `[${inner}]` : `<${inner}>`;
  });
  return [name, ...parts].join(' ');
}

/** Declares the common options; a short form the command uses for its own option is left out. */
function declareCommon(y: Argv, shadowed: ReadonlySet<string>): void {
  for (const [name, info] of Object.entries(COMMON_OPTIONS)) {
    y.option(name, {
      describe: info.describe,
      global: false,
      ...(info.short !== undefined && !shadowed.has(info.short) ? { alias: info.short } : {}),
      // `-t` stays text (no type): the check after parsing quotes what was typed in its error.
      ...(info.takesValue
        ? { requiresArg: true, ...(name === 'timeout' ? {} : { type: 'string' as const }) }
        : { type: 'boolean' as const }),
      ...(info.choices ? { choices: info.choices as string[] } : {}),
    });
  }
  y.group(Object.keys(COMMON_OPTIONS), 'Common options:');
}

function declareBody(y: Argv, body: CommandBody): void {
  for (const [name, spec] of Object.entries(body.options ?? {})) {
    const shown =
      spec.default === undefined ? '' : ` (default: ${Array.isArray(spec.default) ? spec.default.join(',') : String(spec.default)})`;
    y.option(name, {
      describe: `${spec.describe}${shown}`,
      ...(spec.alias !== undefined ? { alias: spec.alias } : {}),
      ...(spec.type === 'boolean' ? { type: 'boolean' as const } : { requiresArg: true }),
      ...(spec.type === 'string' || spec.type === 'list' || spec.type === 'repeatable' ? { type: 'string' as const } : {}),
      ...(spec.choices ? { choices: spec.choices as string[] } : {}),
    });
  }
  if (body.dryRun) y.option('dry-run', { alias: 'd', type: 'boolean', describe: 'show what would be done, and do nothing' });
  if (body.json) y.option('json', { type: 'boolean', describe: 'print the result as JSON' });
  for (const [name, spec] of Object.entries(body.positionals ?? {})) {
    y.positional(name, { describe: spec.describe, type: 'string' });
  }
  addExamples(y, body.examples);
}

function addExamples(y: Argv, examples: readonly Example[] | undefined): void {
  for (const [command, meaning] of examples ?? []) y.example(command, meaning);
}

function ownOptionNames(body: CommandBody): string[] {
  return [...Object.keys(body.options ?? {}), ...(body.dryRun ? ['dry-run'] : []), ...(body.json ? ['json'] : [])];
}

/** The short forms a command's own options take, which the common options must give up there. */
export function shortFormsOf(body: CommandBody): Set<string> {
  const shorts = new Set(Object.values(body.options ?? {}).flatMap((spec) => (spec.alias ? [spec.alias] : [])));
  if (body.dryRun) shorts.add('d');
  return shorts;
}

/**
 * yargs' count of missing positionals, said as what the command needs; and the extra positionals
 * of a known command, which yargs (strict about commands) calls unknown commands.
 */
function clearer(message: string, current: string | undefined, commands: readonly ParsedCommandSpec[]): string {
  const command = commands.find((c) => c.name === current);
  if (!command) return message;
  const usage = commandString(command.name ?? '', command.body.positionals).trim();
  if (/^Not enough non-option arguments/.test(message)) return `missing arguments: usage is ${usage}`;
  const extra = /^Unknown commands?: (.*)$/.exec(message)?.[1];
  if (command.name !== undefined && extra !== undefined)
    return `unexpected argument${extra.includes(', ') ? 's' : ''} ${extra}: usage is ${usage}`;
  return message;
}

const TOP_LEVEL_OPTIONS = new Set(['help', 'h', 'version', ...Object.keys(COMMON_OPTIONS)]);

/**
 * `pcutil --typo cp a b`: yargs takes `cp` as the unknown option's value, then calls `a` an unknown
 * command. Answers the option to name instead (the first unknown one before any command name).
 */
function unknownOptionBeforeCommand(args: readonly string[], commands: readonly ParsedCommandSpec[]): string | undefined {
  const names = new Set(commands.map((command) => command.name));
  for (const arg of args) {
    if (names.has(arg)) return undefined;
    const name = /^--?([^=]+)/.exec(arg)?.[1];
    if (name !== undefined && !TOP_LEVEL_OPTIONS.has(name)) return name;
  }
  return undefined;
}

/**
 * Parses a command line with yargs, used as a parser only: it never prints, never exits and
 * never runs the work. Help and version text come back as `output`, parse failures as
 * `usage-error`, and the matched command with its raw values as `command`.
 */
export async function parseCommandLine(
  tool: ToolInfo,
  commands: readonly ParsedCommandSpec[],
  args: readonly string[],
): Promise<ParseOutcome> {
  let matched: { command: ParsedCommandSpec; argv: Record<string, unknown> } | undefined;
  let current: string | undefined;
  const y = yargs()
    .scriptName(tool.name)
    .locale('en')
    .detectLocale(false)
    .exitProcess(false)
    .strict()
    .wrap(HELP_WIDTH)
    .version(tool.version)
    .help()
    .alias('help', 'h')
    .parserConfiguration({
      'camel-case-expansion': false,
      'parse-numbers': false,
      'parse-positional-numbers': false,
      'dot-notation': false,
      'strip-aliased': true,
      'greedy-arrays': false,
    });
  for (const command of commands) {
    const name = command.name ?? '$0';
    y.command(
      commandString(name, command.body.positionals),
      command.describe,
      (sub) => {
        current = command.name;
        // The command's own options first: they are what its help is about.
        declareBody(sub, command.body);
        sub.group([...ownOptionNames(command.body), 'help', 'version'], 'Options:');
        declareCommon(sub, shortFormsOf(command.body));
        return sub;
      },
      (argv) => {
        matched = { command, argv: argv as Record<string, unknown> };
      },
    );
  }
  if (commands.some((command) => command.name !== undefined)) {
    declareCommon(y, new Set());
    y.usage(`$0 [common options] <command> [options]\n\n${tool.description}`)
      .demandCommand(1, `no command given (${commands.map((c) => c.name).join(', ')})`)
      .recommendCommands()
      .strictCommands();
  } else {
    y.usage(`${commandString('$0 [options]', commands[0]?.body.positionals)}\n\n${tool.description}`);
  }
  // A single command's examples are the tool's own, already added by its builder.
  if (commands.some((command) => command.name !== undefined)) addExamples(y, tool.examples);
  const epilogue = [
    'Options come from the command line, then the environment (PCLOUD_ACCESS_TOKEN, PCLOUD_ENDPOINT, PCLOUD_CONFIG, PCLOUD_CA_FILE), then the config file.',
    tool.epilogue,
  ];
  y.epilogue(epilogue.filter(Boolean).join('\n\n'));

  let failure: string | undefined;
  let output = '';
  await y.parseAsync([...args], {}, (error, _argv, text) => {
    if (error) failure = error.message;
    output = text;
  });
  if (failure !== undefined && /^Unknown commands?:/.test(failure)) {
    const typo = unknownOptionBeforeCommand(args, commands);
    if (typo !== undefined) failure = `Unknown argument: ${typo}`;
  }
  if (failure !== undefined) return { kind: 'usage-error', message: clearer(failure, current, commands), command: current };
  if (matched === undefined) return { kind: 'output', text: output };
  return { kind: 'command', ...matched };
}
