import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { forgetSecrets } from '@pcloud/core/internal';
import type { Emulator } from '@pcloud/emulator';
import { run } from '../../src/run.js';
import { pcutilBin } from './bin-path.js';

/** What one in-process run of pcutil printed and answered. */
export interface RunResult {
  code: number;
  stdout: string;
  stdoutBytes: Buffer;
  stderr: string;
}

/** Options of one run: the working directory, standard input, and an abort signal. */
export interface RunOptions {
  cwd?: string;
  stdin?: Buffer | string;
  signal?: AbortSignal;
  env?: Record<string, string>;
}

/** A home for the config file, so tests never touch the real one. */
export const testHome = await mkdtemp(join(tmpdir(), 'pcutil-home-'));

/**
 * Runs `pcutil ARGS` in-process against the emulator through `run(argv, io)`, as the bin would:
 * with no secret registered for redaction by an earlier run, so a token that this run forgets to
 * register shows.
 */
export async function pcutil(emulator: Emulator, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  forgetSecrets();
  const out: Buffer[] = [];
  const err: string[] = [];
  const stdout = new PassThrough();
  stdout.on('data', (chunk: Buffer) => out.push(chunk));
  const code = await run(args, {
    stdout,
    stderr: { write: (text: string) => void err.push(text) },
    stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
    env: { HOME: testHome, PCLOUD_ENDPOINT: emulator.apiUrl, PCLOUD_ACCESS_TOKEN: emulator.token, ...options.env },
    cwd: options.cwd ?? testHome,
    isTTY: false,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  await new Promise((resolve) => setImmediate(resolve));
  const stdoutBytes = Buffer.concat(out);
  return { code, stdout: stdoutBytes.toString('utf8'), stdoutBytes, stderr: err.join('') };
}

/** Runs `pcutil ARGS` as a separate process through the real (bundled) bin, with the same environment. */
export async function pcutilSpawned(emulator: Emulator, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const bin = await pcutilBin();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: options.cwd ?? testHome,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: testHome,
        PCLOUD_ENDPOINT: emulator.apiUrl,
        PCLOUD_ACCESS_TOKEN: emulator.token,
        ...options.env,
      },
      ...(options.signal ? { signal: options.signal, killSignal: 'SIGINT' as const } : {}),
    });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', (error) => (error.name === 'AbortError' ? undefined : reject(error)));
    child.on('close', (code) => {
      const stdoutBytes = Buffer.concat(out);
      resolve({ code: code ?? 130, stdout: stdoutBytes.toString('utf8'), stdoutBytes, stderr: err });
    });
    child.stdin.end(options.stdin === undefined ? undefined : Buffer.from(options.stdin));
  });
}

/** Both ways a user reaches pcutil: `run()` in-process (as a library) and the real bin (as a command). */
export const RUNNERS = [
  ['run()', pcutil],
  ['the bin', pcutilSpawned],
] as const;
