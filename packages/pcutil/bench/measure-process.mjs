// One timed child process: wall time, peak RSS and exit code, for a Node bin and a Go binary alike.
// Peak RSS comes from GNU time (`/usr/bin/time -f %M`, the kernel's maximum resident set of the
// waited-for child), which sees the process itself whatever language it is written in; polling
// /proc would miss a short peak between two samples.
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { atExit } from './exit-cleanup.mjs';

export const GNU_TIME = '/usr/bin/time';
const KEEP_OUTPUT = 64 * 1024;

/**
 * @typedef {object} Measurement
 * @property {number} seconds wall time from spawn to exit
 * @property {number} rssMb peak resident set in MB (10^6 bytes)
 * @property {number | null} code exit code (null when killed by a signal)
 * @property {string | null} signal
 * @property {string} stdout the first 64 KiB of standard output
 * @property {string} stderr the last 64 KiB of standard error
 */

/**
 * Runs `command args` (stdin closed) and measures it. Never rejects for a failing command: the
 * caller decides from `code` and the output.
 * @param {string} command
 * @param {string[]} args
 * @param {{ env: NodeJS.ProcessEnv, cwd: string }} options
 * @returns {Promise<Measurement>}
 */
export async function measureProcess(command, args, { env, cwd }) {
  if (!existsSync(GNU_TIME)) throw new Error(`${GNU_TIME} is missing (Debian package "time"): peak RSS cannot be measured`);
  const scratch = await mkdtemp(join(tmpdir(), 'pcutil-bench-rss-'));
  const rssFile = join(scratch, 'rss');
  const forget = atExit(() => rmSync(scratch, { recursive: true, force: true }));
  try {
    const started = performance.now();
    // Its own process group, so a bench that dies can take the measured command down with GNU time.
    const child = spawn(GNU_TIME, ['-f', '%M', '-o', rssFile, command, ...args], {
      env,
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const forgetChild = atExit(() => process.kill(-child.pid, 'SIGKILL'));
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      if (stdout.length < KEEP_OUTPUT) stdout += chunk;
    });
    child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-KEEP_OUTPUT)));
    const [code, signal] = await new Promise((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (exitCode, exitSignal) => resolve([exitCode, exitSignal]));
    });
    const seconds = (performance.now() - started) / 1000;
    forgetChild();
    // GNU time prints "Command exited with non-zero status N" above the figure when the command fails.
    const lastLine = (await readFile(rssFile, 'utf8').catch(() => '')).trim().split('\n').pop() ?? '';
    const rssMb = (Number(lastLine) * 1024) / 1e6;
    return { seconds, rssMb: Number.isFinite(rssMb) && rssMb > 0 ? rssMb : NaN, code, signal, stdout, stderr };
  } finally {
    await rm(scratch, { recursive: true, force: true });
    forget();
  }
}

/**
 * One run as a row counts it: measured, then, when it exited cleanly, checked by `check` (which
 * answers why the result is wrong, or undefined). Any failure makes `failure` say why.
 * @param {string} command
 * @param {string[]} args
 * @param {{ env: NodeJS.ProcessEnv, cwd: string }} options
 * @param {(measurement: Measurement) => Promise<string | undefined>} [check]
 * @returns {Promise<import('./alternate-runs.mjs').RunResult>}
 */
export async function checkedRun(command, args, options, check) {
  const measurement = await measureProcess(command, args, options);
  let failure = failureOf(measurement);
  if (failure === undefined && check) failure = await check(measurement).catch((error) => `checking the result failed: ${error.message}`);
  return { seconds: measurement.seconds, rssMb: measurement.rssMb, ...(failure === undefined ? {} : { failure }) };
}

function failureOf(measurement) {
  if (measurement.code === 0) return undefined;
  const how = measurement.signal ? `killed by ${measurement.signal}` : `exit ${measurement.code}`;
  const lastLines = measurement.stderr.trim().split('\n').slice(-3).join(' | ');
  return `${how}${lastLines ? `: ${lastLines}` : ''}`;
}
