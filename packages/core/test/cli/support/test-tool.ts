/** A tiny tool built with createTool, and an in-process runner with injected io. */
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createTool, defineCommand, type CliIo } from '../../../src/cli/index.js';
import { PCloudError } from '../../../src/errors.js';
import { parseLocation } from '../../../src/location/index.js';
import { tempDir } from '../../helpers/temp-dir.js';

const show = defineCommand({
  name: 'show',
  describe: 'print the resolved options and arguments as JSON',
  options: {
    dir: { type: 'string', describe: 'a folder' },
    'chunk-size': { type: 'integer', describe: 'ids per call', default: 100, min: 1, max: 300 },
    types: { type: 'list', describe: 'extensions', default: ['.mp3'] },
    mode: { type: 'string', describe: 'a mode', choices: ['fast', 'slow'] },
    list: { type: 'boolean', describe: 'list and do nothing else', oneShot: true },
    pattern: { type: 'repeatable', describe: 'a pattern, once per value', oneShot: true },
  },
  positionals: { paths: { describe: 'paths', variadic: true, optional: true } },
  dryRun: true,
  json: true,
  examples: [['pctest show --dir /Music', 'show with a folder']],
  handler(ctx) {
    const { options } = ctx;
    const summary = { args: ctx.args, dryRun: ctx.dryRun, json: ctx.json, command: ctx.command, options };
    if (ctx.json) ctx.out.json(summary);
    else ctx.out.line(JSON.stringify(summary));
  },
});

const cp = defineCommand({
  name: 'cp',
  describe: 'copy (prints its arguments)',
  options: {
    recursive: { type: 'boolean', alias: 'r', describe: 'copy folders', oneShot: true },
    'no-clobber': { type: 'boolean', alias: 'n', describe: 'never replace a file' },
  },
  positionals: { source: { describe: 'from' }, dest: { describe: 'to' } },
  handler(ctx) {
    ctx.out.line(JSON.stringify({ ...ctx.args, reauth: ctx.options.reauth, verbose: ctx.options.verbose, timeout: ctx.options.timeout }));
  },
});

const fail = defineCommand({
  name: 'fail',
  describe: 'fails as expected',
  handler() {
    throw new PCloudError('NOT_FOUND', 'p:/nothing: no such file or folder', { hint: 'check the path with pctest ls' });
  },
});

const bug = defineCommand({
  name: 'bug',
  describe: 'has a bug',
  handler() {
    const value = undefined as unknown as { x: number };
    return value.x;
  },
});

const whoami = defineCommand({
  name: 'whoami',
  describe: 'prints the account email (needs a token)',
  positionals: { location: { describe: 'a location', optional: true } },
  async handler(ctx) {
    const client = await ctx.client(ctx.args.location ? parseLocation(ctx.args.location) : undefined);
    const info = await client.call('userinfo');
    ctx.out.verbose(`token in use: ${ctx.env.PCLOUD_ACCESS_TOKEN ?? ''}`);
    ctx.out.line(info.email);
    return 3;
  },
});

const where = defineCommand({
  name: 'where',
  describe: 'shows where a location is',
  positionals: { location: { describe: 'a location' } },
  handler(ctx) {
    ctx.out.line(ctx.where(parseLocation(ctx.args.location)));
  },
});

const key = defineCommand({
  name: 'key',
  describe: 'makes a client for each location (none connects), beside a secret option',
  options: { key: { type: 'string', oneShot: true, secret: true, describe: 'a key; - reads it from standard input' } },
  positionals: { locations: { describe: 'locations', variadic: true, optional: true } },
  async handler(ctx) {
    for (const spec of ctx.args.locations) await ctx.client(parseLocation(spec));
    ctx.out.line(`${ctx.args.key === undefined ? 'no key' : 'a key'}, ${ctx.args.locations.length} client(s)`);
  },
});

/** The test tool: `pctest <show|cp|fail|bug|whoami|where|key>`. */
export const runTestTool = createTool({
  name: 'pctest',
  version: '1.2.3',
  description: 'A tool that exists to test the CLI plumbing.',
  examples: [['pctest -v show', 'show the options, verbosely']],
  commands: [show, cp, fail, bug, whoami, where, key],
  // An older spelling, as pcloud-token keeps the original's --list.
  translateArgv: (argv) => argv.map((arg) => (arg === '--show' ? 'show' : arg)),
});

/** A single-command tool. */
export const runSingleTool = createTool({
  name: 'pcsingle',
  version: '0.9.0',
  description: 'One command, options on the tool itself.',
  section: 'single',
  options: { prefix: { type: 'string', describe: 'a prefix', alias: 'p' }, list: { type: 'boolean', describe: 'list', oneShot: true } },
  positionals: { files: { describe: 'files', variadic: true, optional: true } },
  examples: [['pcsingle -p /x a.m3u', 'sync a.m3u']],
  handler(ctx) {
    ctx.out.line(JSON.stringify(ctx.args));
  },
});

/** What a run printed and answered. */
export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Options of one in-process run. */
export interface RunOptions {
  env?: Record<string, string | undefined>;
  isTTY?: boolean;
  stdin?: string;
  cwd?: string;
}

/** A sandbox: HOME and XDG_CONFIG_HOME in a temp dir, so no test touches the real home. */
export function sandbox(): { home: string; configFile: string; env: Record<string, string> } {
  const home = tempDir('pcloud-cli-');
  const xdg = join(home, '.config');
  return { home, configFile: join(xdg, 'pcloud.json'), env: { HOME: home, XDG_CONFIG_HOME: xdg } };
}

/** Runs a tool in-process with collected output. */
export async function runWith(
  run: (argv: readonly string[], io: CliIo) => Promise<number>,
  argv: string[],
  options: RunOptions = {},
): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdin: Readable.from(options.stdin === undefined ? [] : [options.stdin]),
    env: options.env ?? sandbox().env,
    cwd: options.cwd ?? process.cwd(),
    isTTY: options.isTTY ?? false,
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}
