/**
 * `--help` loads only what prints the help: core's command-line plumbing, not the client, the
 * config store, the transfer code or the libraries under them (issue 18: start-up). Each bin runs
 * as a real process with a loader hook that records the modules it loads; `ls` against the
 * emulator, recorded the same way, shows that the hook sees the client when it is loaded. Needs
 * `pnpm build` first.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '@pcloud/emulator';
import { assertBuilt, BINS, repoRoot } from '../install/support/pack-and-install.js';

const recorder = join(import.meta.dirname, 'support', 'record-loads.mjs');

/** What only a command that talks to pCloud or writes the config needs. */
const CLIENT_MODULES = [
  /\/packages\/core\/dist\/(index|internal|binary\/index)\.js$/,
  /\/node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?(got|conf|ajv|form-data-encoder|picomatch)\//,
];
const CLIENT_BUILTINS = ['http', 'https', 'http2', 'tls', 'crypto', 'zlib', 'child_process', 'sqlite', 'readline', 'fs/promises'];

interface Loads {
  code: number;
  stdout: string;
  urls: string[];
  builtins: string[];
}

let work: string;
let emulator: Emulator;

async function runRecorded(shim: string, args: string[], env: Record<string, string> = {}): Promise<Loads> {
  const file = join(work, `loads-${Math.random().toString(36).slice(2)}.json`);
  const { code, stdout } = await new Promise<{ code: number; stdout: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', recorder, shim, ...args],
      { env: { PATH: process.env.PATH ?? '', HOME: work, PCLOUD_TEST_LOADS_FILE: file, ...env }, cwd: work, timeout: 30_000 },
      (error, out) => resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout: out }),
    );
  });
  const { urls, builtins } = JSON.parse(await readFile(file, 'utf8')) as { urls: string[]; builtins: string[] };
  return { code, stdout, urls, builtins };
}

function clientParts(loads: Loads): string[] {
  return [
    ...loads.urls.filter((url) => CLIENT_MODULES.some((pattern) => pattern.test(url))),
    ...loads.builtins.filter((name) => CLIENT_BUILTINS.includes(name)).map((name) => `node:${name}`),
  ];
}

// The user's tools; the emulator is a server, and its help is not theirs.
const shims = Object.entries(BINS)
  .filter(([pkg]) => pkg !== 'emulator')
  .map(([pkg, bin]) => ({ bin, shim: join(repoRoot, 'packages', pkg, 'bin', `${bin}.js`) }));

beforeAll(async () => {
  assertBuilt();
  work = await mkdtemp(join(tmpdir(), 'pcloud-help-loads-'));
  emulator = await createEmulator();
});

afterAll(async () => {
  await emulator?.close();
  await rm(work, { recursive: true, force: true });
});

describe('--help', () => {
  it.each(shims)('of $bin loads none of the client, the config store or their libraries', async ({ bin, shim }) => {
    const loads = await runRecorded(shim, ['--help']);
    expect(loads.code).toBe(0);
    expect(loads.stdout).toContain(bin);
    expect(loads.urls.some((url) => url.endsWith('/packages/core/dist/cli/index.js'))).toBe(true);
    expect(clientParts(loads)).toEqual([]);
  });
});

describe('the recording', () => {
  it('sees the client, its libraries and node:https when a command talks to pCloud', async () => {
    const pcutil = shims.find(({ bin }) => bin === 'pcutil');
    if (pcutil === undefined) throw new Error('no pcutil among the bins');
    const loads = await runRecorded(pcutil.shim, ['ls', 'p:/'], { PCLOUD_ENDPOINT: emulator.apiUrl, PCLOUD_ACCESS_TOKEN: emulator.token });
    expect(loads.code).toBe(0);
    expect(clientParts(loads)).toEqual(expect.arrayContaining(['node:http', 'node:crypto']));
    expect(loads.urls.some((url) => /\/packages\/core\/dist\/index\.js$/.test(url))).toBe(true);
  });
});

describe('ls', () => {
  it('loads neither undici nor node:http2: got is handed a string body and never asked for HTTP/2', async () => {
    const pcutil = shims.find(({ bin }) => bin === 'pcutil');
    if (pcutil === undefined) throw new Error('no pcutil among the bins');
    const loads = await runRecorded(pcutil.shim, ['ls', 'p:/'], { PCLOUD_ENDPOINT: emulator.apiUrl, PCLOUD_ACCESS_TOKEN: emulator.token });
    expect(loads.code).toBe(0);
    expect(loads.builtins).toContain('https');
    // A body got does not recognise makes it read the global FormData, which loads undici.
    expect(loads.builtins.filter((name) => name.includes('undici'))).toEqual([]);
    // got's HTTP/2 client reads node:http2's constants as it loads, unless the bundle writes them in.
    expect(loads.builtins.filter((name) => name.startsWith('http2') || name.startsWith('internal/http2'))).toEqual([]);
  });
});
