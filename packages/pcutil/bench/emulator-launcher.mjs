// Starts the built `pcloud-emulator` in its own process, over HTTPS with a throwaway CA, as users
// meet pCloud. Its own process: the server's CPU never shares the bench's event loop. Its data dir
// goes on tmpfs (/dev/shm) when there is one: the server's disk writes are not the clients' cost.
// Region us: rclone's pcloud backend verifies transfers with MD5 on any host but eapi.pcloud.com,
// and only the US region answers MD5s, so rclone does its usual checks there, as against
// api.pcloud.com (in the EU region it would skip them and run faster than it does for anyone).
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { atExit } from './exit-cleanup.mjs';

const bin = fileURLToPath(new URL('../../emulator/bin/pcloud-emulator.js', import.meta.url));
const TMPFS = '/dev/shm';
/** The flags every bench emulator runs with (the latency one adds `--latency MS`). */
export const EMULATOR_FLAGS = ['--tls', '--region', 'us'];

/**
 * @typedef {object} RunningEmulator
 * @property {string} apiUrl `https://127.0.0.1:PORT`
 * @property {string} apiHost `127.0.0.1:PORT`
 * @property {string} token a ready OAuth token of the seeded account
 * @property {string} caFile the CA certificate (PEM) clients must trust
 * @property {boolean} onTmpfs whether its data dir is on tmpfs
 * @property {() => string | undefined} death why it stopped early, if it did
 * @property {() => Promise<void>} close
 */

/**
 * `memoryOnly` leaves out the data dir: the emulator then rewrites no state file after changes,
 * which for an account of many thousand files costs the server more than the calls themselves.
 * @param {{ work: string, name: string, latencyMs?: number, memoryOnly?: boolean }} options
 * @returns {Promise<RunningEmulator>}
 */
export async function launchEmulator({ work, name, latencyMs, memoryOnly = false }) {
  if (!existsSync(fileURLToPath(new URL('../../emulator/dist/bin/pcloud-emulator.js', import.meta.url)))) {
    throw new Error('the emulator is not built: run `pnpm build` first');
  }
  const onTmpfs = existsSync(TMPFS);
  const dataDir = await mkdtemp(onTmpfs ? join(TMPFS, `pcutil-bench-${name}-`) : join(work, `emulator-${name}-`));
  const caFile = join(work, `ca-${name}.pem`);
  const flags = [...EMULATOR_FLAGS, ...(latencyMs ? ['--latency', String(latencyMs)] : [])];
  // The shim's #! line runs plain `node`, as this does.
  const child = spawn(process.execPath, [bin, ...flags, '--ca-out', caFile, ...(memoryOnly ? [] : ['--data-dir', dataDir]), '--json'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const forget = atExit(() => {
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  let exit;
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve((exit = { code, signal }))));
  const line = await Promise.race([
    new Promise((resolve) => createInterface({ input: child.stdout }).once('line', resolve)),
    exited.then(() => undefined),
  ]);
  if (line === undefined) {
    forget();
    await rm(dataDir, { recursive: true, force: true });
    throw new Error(`pcloud-emulator ${flags.join(' ')} did not start: ${stderr.trim() || JSON.stringify(exit)}`);
  }
  const info = JSON.parse(line);
  let closing = false;
  return {
    apiUrl: info.apiUrl,
    apiHost: new URL(info.apiUrl).host,
    token: info.token,
    caFile: info.caFile,
    onTmpfs,
    death: () =>
      exit && !closing ? `the emulator stopped (${exit.signal ?? `exit ${exit.code}`}): ${stderr.trim().slice(-400)}` : undefined,
    close: async () => {
      closing = true;
      if (!exit) child.kill('SIGTERM');
      await exited;
      await rm(dataDir, { recursive: true, force: true });
      forget();
    },
  };
}
