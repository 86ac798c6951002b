/** Runs installed bins: one command to completion, or the emulator in the background. */
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { join } from 'node:path';

/** What one bin run printed and answered. */
export interface BinResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `PREFIX/bin/<bin> ARGS` with its own environment and working directory. */
export function runBin(
  prefix: string,
  bin: string,
  args: readonly string[],
  options: { env: NodeJS.ProcessEnv; cwd: string },
): Promise<BinResult> {
  return new Promise((resolve) => {
    execFile(join(prefix, 'bin', bin), args, { env: options.env, cwd: options.cwd, timeout: 30_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

/** The `--json` start-up line of `pcloud-emulator`. */
export interface EmulatorLine {
  apiUrl: string;
  downloadHost: string;
  token: string;
  legacy: boolean;
  /** The binary protocol's port (TLS with --tls). */
  binaryPort: number;
  /** The CA file, with --tls. */
  caFile?: string;
}

/** A background emulator started from the installed bin. */
export interface InstalledEmulator extends EmulatorLine {
  /** Ctrl-C, as a user stops it; answers its exit code. */
  stop(): Promise<number | null>;
}

/** Starts `PREFIX/bin/pcloud-emulator --json ARGS` and reads its one JSON line. */
export async function startInstalledEmulator(prefix: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<InstalledEmulator> {
  const child = spawn(join(prefix, 'bin', 'pcloud-emulator'), ['--json', ...args], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const [first] = (await Promise.race([once(lines, 'line'), once(child, 'exit').then(() => [undefined])])) as [string | undefined];
  if (first === undefined) throw new Error('pcloud-emulator exited before printing its --json line');
  const line = JSON.parse(first) as EmulatorLine;
  return {
    ...line,
    stop: async () => {
      if (child.exitCode !== null) return child.exitCode;
      const exited = once(child, 'exit');
      child.kill('SIGINT');
      const [code] = (await exited) as [number | null];
      return code;
    },
  };
}

/** The first line `PREFIX/bin/pcloud-emulator ARGS` prints for people (no --json), then Ctrl-C. */
export async function emulatorBanner(prefix: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<string> {
  const child = spawn(join(prefix, 'bin', 'pcloud-emulator'), args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = once(child, 'exit');
  const lines = createInterface({ input: child.stdout });
  const [first] = (await Promise.race([once(lines, 'line'), exited.then(() => [undefined])])) as [string | undefined];
  if (child.exitCode === null) child.kill('SIGINT');
  await exited;
  if (first === undefined) throw new Error('pcloud-emulator exited before printing its first line');
  return first;
}
