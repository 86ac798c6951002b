/**
 * Runs a tool as its bin would: in-process through its exported `run(argv, io)`, or spawned from
 * the built bin shim (needs `pnpm build`), collecting everything it printed.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { forgetSecrets } from '@pcloud/core/internal';
import type { CliIo, RunTool } from '@pcloud/core/cli';
import { run as pcutil } from '@pcloud/pcutil';
import { run as token } from '@pcloud/token';
import { run as playlist } from '../../packages/playlist/src/run.js';

/** The three tool bins of the toolkit. */
export type ToolBin = 'pcutil' | 'pcloud-playlist' | 'pcloud-token';

const RUNS: Record<ToolBin, RunTool> = { pcutil, 'pcloud-playlist': playlist, 'pcloud-token': token };
const SHIMS: Record<ToolBin, string> = {
  pcutil: 'pcutil/bin/pcutil.js',
  'pcloud-playlist': 'playlist/bin/pcloud-playlist.js',
  'pcloud-token': 'token/bin/pcloud-token.js',
};
const packagesDir = new URL('../../packages', import.meta.url).pathname;

/** What one run printed and answered. */
export interface ToolResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Where and with what a tool runs. */
export interface ToolRunOptions {
  env: Record<string, string>;
  cwd: string;
  stdin?: string;
}

/**
 * Runs `BIN ARGS` in-process, with no terminal, as the bin shim would: starting, like a new
 * process, with no secret registered for redaction by an earlier run or by the test itself.
 */
export async function runInProcess(bin: ToolBin, args: readonly string[], options: ToolRunOptions): Promise<ToolResult> {
  forgetSecrets();
  const out: Buffer[] = [];
  const err: string[] = [];
  const stdout = new PassThrough();
  stdout.on('data', (chunk: Buffer) => out.push(chunk));
  const io: CliIo = {
    stdout,
    stderr: { write: (text: string) => void err.push(text) },
    stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
    env: options.env,
    cwd: options.cwd,
    isTTY: false,
  };
  const code = await RUNS[bin](args, io);
  await new Promise((resolve) => setImmediate(resolve));
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: err.join('') };
}

/** Runs `BIN ARGS` as a child process from the built bin shim. */
export function runSpawned(bin: ToolBin, args: readonly string[], options: ToolRunOptions): Promise<ToolResult> {
  const shim = join(packagesDir, SHIMS[bin]);
  const bundle = join(shim, '../../dist/bin', `${bin}.js`);
  if (!existsSync(bundle)) throw new Error(`run \`pnpm build\` first: ${bundle} is missing`);
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [shim, ...args],
      { env: options.env, cwd: options.cwd, timeout: 30_000 },
      (error, stdout, stderr) => {
        resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
      },
    );
    child.stdin?.end(options.stdin ?? '');
  });
}
