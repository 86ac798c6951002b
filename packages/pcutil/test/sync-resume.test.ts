/**
 * Interrupting `pcutil sync --delete` (the real bin, SIGINT and SIGKILL) while it replaces and
 * adds files, with latency stretching each transfer: DEST holds only whole files, old or new,
 * under their own names, nothing is deleted before every copy is done, and running the same
 * command again completes the mirror and sweeps what the killed run left.
 */
import { createHash } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPartialFileName } from '@pcloud/core/internal';
import { useEmulator } from './support/emulator.js';
import { pcutil } from './support/run-pcutil.js';
import { spawnPcutil, type SpawnedPcutil } from './support/spawn-pcutil.js';
import { localSide, remoteSide, type TestSide } from './support/sync-sides.js';
import type { TreeState } from './support/tree-state.js';

const FILES = 60;
const T0 = 1_700_000_000;
const fx = useEmulator();
const sha1 = (text: string): string => createHash('sha1').update(text).digest('hex');
const content = (i: number, version: number): string => `file ${i}, version ${version} `.repeat(40 + (i % 7));

/** Waits until `ready()` holds (checked every 10 ms), then sends `signal`; fails when the process ended first. */
async function killWhen(run: SpawnedPcutil, ready: () => Promise<boolean> | boolean, signal: NodeJS.Signals): Promise<void> {
  let ended = false;
  void run.exited.then(() => (ended = true));
  while (!ended && !(await ready())) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(ended, `pcutil finished before it could be interrupted:\n${run.stderr()}`).toBe(false);
  run.child.kill(signal);
}

/** Every file in `state` is whole: version 1 or 2 of its source, never a short or mixed one; temporary names are listed apart. */
function expectWhole(state: TreeState): string[] {
  const partial: string[] = [];
  for (const [path, value] of state) {
    const name = path.split('/').pop() ?? '';
    if (isPartialFileName(name)) partial.push(path);
    else if (value !== 'folder' && !path.startsWith('extra')) {
      const i = Number(/f(\d+)\.txt$/.exec(path)?.[1]);
      expect([sha1(content(i, 1)), sha1(content(i, 2))], path).toContain(value.split(' ')[1]);
    }
  }
  return partial;
}

async function fill(side: TestSide, version: number, count: number): Promise<void> {
  for (let i = 0; i < count; i++) await side.put(`d${i % 3}/f${i}.txt`, content(i, version), T0 + version);
}

describe('interrupting sync', { timeout: 120_000 }, () => {
  it('up: SIGINT and SIGKILL leave whole files and delete nothing; the same command then completes the mirror', async () => {
    const root = await mkdtemp(join(tmpdir(), 'pcutil-sync-kill-up-'));
    const source = localSide(join(root, 'tree'));
    const dest = remoteSide(fx.emulator, fx.client, '/kill-sync/tree');
    await fill(source, 1, FILES);
    expect((await pcutil(fx.emulator, ['sync', source.arg, 'p:/kill-sync'])).code).toBe(0);
    await fill(source, 2, FILES);
    await source.put(`d0/f${FILES}.txt`, content(FILES, 2), T0);
    await dest.put('extra.txt', 'only in DEST', T0);
    // Small files go up (and replace) in batches, one folder's worth at once: one batch at a time,
    // so that the signals land while a batch is in flight.
    const args = ['-v', 'sync', '--delete', '-j', '1', source.arg, 'p:/kill-sync'];

    fx.emulator.faults.set({ rules: [{ methods: ['uploadfile', 'renamefile'], latencyMs: 40 }] });
    try {
      const interrupted = await spawnPcutil(fx.emulator, args);
      await killWhen(interrupted, () => /^cp .* \(time\)$/m.test(interrupted.stderr()), 'SIGINT');
      expect((await interrupted.exited).code).toBe(130);
      const afterInterrupt = await dest.state();
      expect(afterInterrupt.has('extra.txt')).toBe(true);
      expectWhole(afterInterrupt);

      const killed = await spawnPcutil(fx.emulator, args);
      await killWhen(killed, () => (killed.stderr().match(/^cp /gm) ?? []).length >= 5, 'SIGKILL');
      expect((await killed.exited).signal).toBe('SIGKILL');
      const afterKill = await dest.state();
      expect(afterKill.has('extra.txt')).toBe(true);
      expectWhole(afterKill);
    } finally {
      fx.emulator.faults.set({});
    }
    const again = await pcutil(fx.emulator, ['sync', '--delete', source.arg, 'p:/kill-sync']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/ 1 deleted, /);
    const final = await dest.state();
    expect(expectWhole(final)).toEqual([]);
    expect(final).toEqual(await source.state());
  });

  it('down: SIGKILL mid-download leaves only hidden temporary files, which the next run sweeps as it completes the mirror', async () => {
    const root = await mkdtemp(join(tmpdir(), 'pcutil-sync-kill-down-'));
    const source = remoteSide(fx.emulator, fx.client, '/kill-down/tree');
    const dest = localSide(join(root, 'dl', 'tree'));
    await fill(source, 1, FILES);
    expect((await pcutil(fx.emulator, ['sync', source.arg, join(root, 'dl')])).code).toBe(0);
    await fill(source, 2, FILES);
    const args = ['-v', 'sync', '--delete', source.arg, join(root, 'dl')];
    fx.emulator.faults.set({ rules: [{ methods: ['download'], latencyMs: 60 }] });
    let left: string[];
    try {
      const killed = await spawnPcutil(fx.emulator, args);
      await killWhen(killed, async () => expectWhole(await dest.state()).length >= 2, 'SIGKILL');
      expect((await killed.exited).signal).toBe('SIGKILL');
      left = expectWhole(await dest.state());
    } finally {
      fx.emulator.faults.set({});
    }
    expect(left.length).toBeGreaterThan(0);
    const again = await pcutil(fx.emulator, args);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain(`removed ${left.length} temporary file(s) an interrupted earlier sync left`);
    const final = await dest.state();
    expect(expectWhole(final)).toEqual([]);
    expect(final).toEqual(await source.state());
  });
});
