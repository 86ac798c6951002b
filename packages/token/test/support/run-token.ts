import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { forgetSecrets } from '@pcloud/core/internal';
import type { Emulator } from '@pcloud/emulator';
import { run } from '../../src/run.js';

/** What one in-process run printed and answered. */
export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string>;
  stdin?: Readable;
  isTTY?: boolean;
  openBrowser?: (url: string) => Promise<boolean>;
}

/** A config file of its own for one test: endpoint and CA of the emulator, plus `extra` keys. */
export async function writeConfig(emulator: Emulator, extra: Record<string, unknown> = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pcloud-token-'));
  const file = join(dir, 'pcloud.json');
  const ca = join(dir, 'ca.pem');
  if (emulator.ca) await writeFile(ca, emulator.ca);
  await writeFile(file, JSON.stringify({ endpoint: emulator.apiUrl, ...(emulator.ca ? { 'ca-file': ca } : {}), ...extra }), {
    mode: 0o600,
  });
  return file;
}

/** The config file's content. */
export async function readConfig(file: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
}

/** Runs `pcloud-token -f CONFIG ARGS` in-process, as the bin would: with no secret registered by an earlier run. */
export async function pcloudToken(config: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  forgetSecrets();
  let stdout = '';
  let stderr = '';
  const code = await run(['-f', config, ...args], {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdin: options.stdin ?? Readable.from([]),
    env: { ...options.env },
    cwd: tmpdir(),
    isTTY: options.isTTY ?? false,
    ...(options.openBrowser ? { openBrowser: options.openBrowser } : {}),
  });
  return { code, stdout, stderr };
}

/** A standard input that a test writes to later (a pasted code). */
export function pasteInput(): PassThrough {
  return new PassThrough();
}
