import { TransportError } from '../errors.js';
import { registerSecret } from '../redact.js';
import { argvTokenWarning } from './argv-token.js';
import { resolveConfigPath } from '../config/config-path.js';
import { parseCommandLine, shortFormsOf, type ParsedCommandSpec } from './build-parser.js';
import { COMMON_OPTIONS, resolveCommonOptions } from './common-options.js';
import type { MultiCommandToolSpec, SingleCommandToolSpec } from './define.js';
import { EXIT, reportFailure, reportUsageError } from './exit-policy.js';
import type { CliIo, RunTool } from './io.js';
import { normalizeArgv } from './normalize-argv.js';
import { coreVersion } from './package-version.js';
import { describeOutage } from './reachability-report.js';
import type { OptionSpecs, PositionalSpecs } from './option-spec.js';
import { createOutput } from './output.js';
import { resolveCommandArgs } from './resolve-args.js';
import { saveGivenOptions } from './save-options.js';

const COMMON_SHORTS = new Set(Object.values(COMMON_OPTIONS).flatMap((info) => (info.short ? [info.short] : [])));

function commandsOf(spec: MultiCommandToolSpec | SingleCommandToolSpec<OptionSpecs, PositionalSpecs>): ParsedCommandSpec[] {
  if ('commands' in spec) return spec.commands.map((command) => ({ name: command.name, describe: command.describe, body: command }));
  // A single command shares the command line with the common options: no short form may clash.
  const clash = [...shortFormsOf(spec)].find((short) => COMMON_SHORTS.has(short));
  if (clash !== undefined) throw new Error(`${spec.name}: option -${clash} clashes with a common option`);
  return [{ name: undefined, describe: spec.description, body: spec }];
}

function pickCommon(argv: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(COMMON_OPTIONS).flatMap((name) => (argv[name] === undefined ? [] : [[name, argv[name]]])));
}

/**
 * Creates a tool's `run(argv, io)`: parses the command line (yargs, silenced), resolves the common
 * options (command line > environment > config > defaults) and the command's own (command line >
 * the tool's config section > defaults), saves what `-s` asks for, runs the handler with its
 * context and answers the exit code — 0, 1 for expected failures, 2 for usage errors, 70 for bugs,
 * 130 when aborted. It never calls process.exit and writes only to the injected io.
 */
export function createTool(spec: MultiCommandToolSpec): RunTool;
// biome-ignore lint/complexity/noBannedTypes: `{}` is "no options declared", the identity of the mapped argument types
export function createTool<const O extends OptionSpecs = {}, const P extends PositionalSpecs = {}>(
  spec: SingleCommandToolSpec<O, P>,
): RunTool;
export function createTool(spec: MultiCommandToolSpec | SingleCommandToolSpec<OptionSpecs, PositionalSpecs>): RunTool {
  const commands = commandsOf(spec);
  const section = spec.section ?? spec.name;
  const noOptions = new Set(
    commands.flatMap((command) => Object.keys(command.body.options ?? {}).filter((name) => name.startsWith('no-'))),
  );
  return async (given: readonly string[], io: CliIo): Promise<number> => {
    let helpCommand = spec.name;
    try {
      const argv = spec.translateArgv ? spec.translateArgv(given) : given;
      const normalized = normalizeArgv(argv, 'commands' in spec, noOptions);
      const parsed = await parseCommandLine(spec, commands, normalized.args);
      if (parsed.kind === 'output') {
        if (parsed.text !== '') io.stdout.write(`${parsed.text}\n`);
        return EXIT.OK;
      }
      if (parsed.kind === 'usage-error') {
        return reportUsageError(io.stderr, spec.name, parsed.message, [spec.name, parsed.command].filter(Boolean).join(' '));
      }
      const { command, argv: values } = parsed;
      helpCommand = [spec.name, command.name].filter(Boolean).join(' ');
      const commonGiven = pickCommon(values);
      const configFile = resolveConfigPath({ explicit: commonGiven['config-file'] as string | undefined, env: io.env, cwd: io.cwd });
      // Loaded only once a command runs: the config store (conf, ajv) and the client behind the
      // context are most of the bundle, and --help, --version and usage errors need neither.
      const { openConfigStore, createContext } = await import('./command-services.js');
      // A dry run changes nothing, not even by creating a missing config file.
      const dryRun = values['dry-run'] === true;
      const config = await openConfigStore({ path: configFile, create: !dryRun });
      // Known secrets are registered before anything is printed, so no line can show them.
      for (const secret of [
        io.env.PCLOUD_ACCESS_TOKEN,
        io.env.PCLOUD_AUTH,
        config.data.auth,
        config.accessToken(),
        config.data['client-secret'],
      ])
        registerSecret(secret);
      const options = resolveCommonOptions(commonGiven, io.env, config.data, config.path);
      const resolved = resolveCommandArgs(
        command.body,
        values,
        { file: config.path, name: section, values: config.section(section) },
        normalized.restore,
      );
      const out = createOutput(io, spec.name, options.verbose, options.debug);
      // Which core a tool runs is the installed package's, shared by every tool: a bug report needs both.
      if (options.debug) out.debug(`${spec.name} ${spec.version} with @pcloud/core ${coreVersion()} on Node.js ${process.versions.node}`);
      const givenValue = (name: string): unknown => (typeof values[name] === 'string' ? normalized.restore(values[name]) : values[name]);
      const tokenWarning = argvTokenWarning(argv, givenValue, command.body.options);
      if (options.save) {
        const saved = await saveGivenOptions(config, section, commonGiven, options, resolved.saveable);
        out.info(saved.length > 0 ? `saved ${saved.join(', ')} to ${config.path}` : 'nothing to save: -s saves the options given with it');
      }
      const { context, close } = createContext({
        tool: { name: spec.name, version: spec.version },
        command: command.name,
        args: resolved.args,
        options,
        config,
        out,
        io,
        dryRun: resolved.dryRun,
        json: resolved.json,
        ...(tokenWarning !== undefined ? { tokenWarning } : {}),
      });
      try {
        // The args were built from this command's own specs, so they have the type its handler expects.
        const code = await command.body.handler(context as Parameters<typeof command.body.handler>[0]);
        // The original tools always remember -u (it names the account the token should belong to);
        // only once the command has run, so that bad input leaves the config file as it was, and
        // never on a dry run.
        if (!options.save && !dryRun && commonGiven.username !== undefined && options.username !== config.data.username) {
          await config.save({ username: options.username });
        }
        return typeof code === 'number' ? code : EXIT.OK;
      } catch (error) {
        // A failure that came of pCloud going away is told as such, with how to carry on.
        const { state } = context.reachability;
        if (!(error instanceof TransportError) || state.kind !== 'unreachable') throw error;
        throw new TransportError(`stopped: ${describeOutage(state)}`, { hint: 'run the same command again once pCloud answers' });
      } finally {
        await close();
      }
    } catch (error) {
      return reportFailure(io.stderr, spec.name, spec.version, error, helpCommand);
    }
  };
}
