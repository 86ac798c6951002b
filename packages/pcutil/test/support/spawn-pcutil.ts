import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import type { Emulator } from '@pcloud/emulator';
import { pcutilBin } from './bin-path.js';
import { testHome } from './run-pcutil.js';

/** How a spawned pcutil ended and what it printed. */
export interface Exited {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A running pcutil process. */
export interface SpawnedPcutil {
  child: ChildProcessByStdio<null, Readable, Readable>;
  /** Everything printed on standard error so far (the -v lines). */
  stderr(): string;
  exited: Promise<Exited>;
}

let bin: Promise<string> | undefined;

/** Spawns the real bundled `pcutil ARGS` against the emulator's seeded account, with a test home; `env` adds variables. */
export async function spawnPcutil(emulator: Emulator, args: readonly string[], env: Record<string, string> = {}): Promise<SpawnedPcutil> {
  bin ??= pcutilBin();
  const { PCLOUD_ACCESS_TOKEN: _token, PCLOUD_AUTH: _auth, PCLOUD_ENDPOINT: _endpoint, ...inherited } = process.env;
  const child = spawn(process.execPath, [await bin, ...args], {
    env: { ...inherited, HOME: testHome, PCLOUD_ENDPOINT: emulator.apiUrl, PCLOUD_ACCESS_TOKEN: emulator.token, ...env },
    cwd: testHome,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<Exited>((resolve) => child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, stderr: () => stderr, exited };
}
