/**
 * The config lock under contention, in real separate processes: a holder killed inside the lock
 * leaves it behind, then two or three writers start at once. Each writer checks, inside the lock,
 * that no one else is inside (a marker file made with O_EXCL), so a lock broken or released twice,
 * or taken by two waiters that broke the same stale lock, shows as a writer failing.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';

const LOCK_SOURCE = new URL('../../src/config/file-lock.ts', import.meta.url).pathname;

// `crash`: takes the locks r0/lock … r<N-1>/lock and dies holding them. `write`: waits for the go
// file, then takes each lock once, all at the same time, holding each for HOLD ms and failing with
// exit 3 if anyone else is inside that lock at the same time.
const CHILD = `
import { closeSync, existsSync, openSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { withFileLock } from ${JSON.stringify(LOCK_SOURCE)};
const [mode, dir, count, hold, stale] = process.argv.slice(2);
const options = { staleMs: Number(stale), timeoutMs: 30000 };
const rounds = Array.from({ length: Number(count) }, (_, i) => join(dir, 'r' + i));
if (mode === 'crash') {
  const takeFrom = (i) => (i === rounds.length ? process.kill(process.pid, 'SIGKILL') : withFileLock(join(rounds[i], 'pcloud.json.lock'), () => takeFrom(i + 1), options));
  await takeFrom(0);
}
while (!existsSync(join(dir, 'go'))) await sleep(2);
await Promise.all(rounds.map((round) => withFileLock(join(round, 'pcloud.json.lock'), async () => {
  const marker = join(round, 'inside');
  try {
    closeSync(openSync(marker, 'wx'));
  } catch {
    console.error('another writer held the lock at the same time');
    process.exit(3);
  }
  await sleep(Number(hold));
  unlinkSync(marker);
}, options)));
`;

let script = '';
let scriptDir = '';

beforeAll(async () => {
  const dir = (scriptDir = mkdtempSync(join(tmpdir(), 'pcloud-lock-child-')));
  writeFileSync(join(dir, 'entry.mjs'), CHILD);
  script = join(dir, 'child.mjs');
  await build({ entryPoints: [join(dir, 'entry.mjs')], outfile: script, bundle: true, platform: 'node', format: 'esm', logLevel: 'error' });
});
afterAll(() => rmSync(scriptDir, { recursive: true, force: true }));

function runChild(args: string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
}

/** Makes the lock a crashed holder left (whatever its shape) an hour old. */
function backdate(path: string): void {
  const old = new Date(Date.now() - 3_600_000);
  if (statSync(path).isDirectory()) for (const entry of readdirSync(path)) utimesSync(join(path, entry), old, old);
  utimesSync(path, old, old);
}

/**
 * `rounds` locks, each left stale by a crashed holder, then `writers` writers at once, each taking
 * every lock once; answers their results.
 */
async function contend(
  rounds: number,
  writers: number,
  holdMs: number,
  staleMs: number,
): Promise<Array<{ code: number | null; stderr: string }>> {
  const dir = tempDir();
  const locks = Array.from({ length: rounds }, (_, i) => join(dir, `r${i}`, 'pcloud.json.lock'));
  for (const lock of locks) mkdirSync(join(lock, '..'));
  const crashed = await runChild(['crash', dir, String(rounds), '0', String(staleMs)]);
  expect(crashed, crashed.stderr).toMatchObject({ signal: 'SIGKILL' });
  for (const lock of locks) {
    expect(existsSync(lock), 'the crashed holder left its lock').toBe(true);
    backdate(lock);
  }
  const running = Array.from({ length: writers }, () => runChild(['write', dir, String(rounds), String(holdMs), String(staleMs)]));
  writeFileSync(join(dir, 'go'), '');
  const results = await Promise.all(running);
  for (const lock of locks) expect(readdirSync(join(lock, '..')), 'nothing is left beside the config file').toEqual([]);
  return results.map(({ code, stderr }) => ({ code, stderr }));
}

describe('the config lock with a stale lock present', () => {
  it.each([2, 3])('%i writers holding it longer than the stale limit take turns', async (writers) => {
    // Each holds it for three times the stale limit: only a holder that keeps its lock fresh, and
    // releases nothing but its own, lets the others wait instead of breaking in.
    const results = await contend(1, writers, 900, 300);
    expect(results).toEqual(Array.from({ length: writers }, () => ({ code: 0, stderr: '' })));
  });

  it.each([2, 3])('%i writers breaking it at the same moment never both get in, on eight locks at once', async (writers) => {
    const results = await contend(8, writers, 20, 10_000);
    expect(results).toEqual(Array.from({ length: writers }, () => ({ code: 0, stderr: '' })));
  });
});
