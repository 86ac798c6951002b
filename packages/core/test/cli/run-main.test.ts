import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CLI_SOURCE = new URL('../../src/cli/index.ts', import.meta.url).pathname;

// A bin shim exactly as the tools write theirs: a tool definition and one call to runMain.
const BIN = `
import { createTool, runMain } from ${JSON.stringify(CLI_SOURCE)};
const run = createTool({
  name: 'pcbin',
  version: '9.9.9',
  description: 'A bundled bin.',
  options: { name: { type: 'string', describe: 'who to greet', default: 'world' } },
  handler(ctx) {
    ctx.out.line('hello ' + ctx.args.name);
    return ctx.args.name === 'nobody' ? 1 : 0;
  },
});
await runMain(run);
`;

describe('a bundled bin built on runMain', () => {
  let bin: string;
  let env: Record<string, string>;
  // One bundle for the whole file (the per-test temp dirs are removed after each test).
  const dir = mkdtempSync(join(tmpdir(), 'pcloud-bin-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeAll(async () => {
    writeFileSync(join(dir, 'entry.mjs'), BIN);
    bin = join(dir, 'pcbin.mjs');
    await build({
      entryPoints: [join(dir, 'entry.mjs')],
      outfile: bin,
      bundle: true,
      platform: 'node',
      format: 'esm',
      logLevel: 'error',
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    });
    env = { PATH: process.env.PATH ?? '', HOME: dir, XDG_CONFIG_HOME: join(dir, 'xdg') };
  });

  const spawnBin = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8' });

  // Two spawns only: each starts a whole bundled bin, which is slow on a loaded machine.
  it('sets the exit code and flushes its output without process.exit', () => {
    expect(spawnBin(['--name', 'nobody'])).toMatchObject({ status: 1, stdout: 'hello nobody\n', stderr: '' });
  });

  it('answers a usage error with two lines on stderr and exit 2', () => {
    expect(spawnBin(['-t', 'x'])).toMatchObject({
      status: 2,
      stdout: '',
      stderr: `pcbin: -t/--timeout must be a positive whole number of seconds (got "x")\nTry 'pcbin --help' for more information.\n`,
    });
  });
});
