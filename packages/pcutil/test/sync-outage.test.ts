/**
 * pCloud going away in the middle of `pcutil sync --delete` (the real bin; the emulator stopped and
 * started again on the same ports and data dir): the run stops as cp does, deletes nothing,
 * says what was not copied and how to finish, and the same command then completes the mirror.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startRestartable, type RestartableEmulator } from './support/restartable-emulator.js';
import { spawnPcutil, type SpawnedPcutil } from './support/spawn-pcutil.js';
import { localSide, remoteSide } from './support/sync-sides.js';

const FILES = 200;
const T0 = 1_700_000_000;
let pcloud: RestartableEmulator | undefined;
afterEach(async () => {
  await pcloud?.close();
  pcloud = undefined;
});

/** Waits until `ready()` holds (checked every 5 ms); fails when pcutil ended first. */
async function until(run: SpawnedPcutil, ready: () => boolean): Promise<void> {
  let ended = false;
  void run.exited.then(() => (ended = true));
  while (!ended && !ready()) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(ended, `pcutil ended first:\n${run.stderr()}`).toBe(false);
}

describe('pCloud goes away for good in the middle of a sync', { timeout: 90_000 }, () => {
  it('stops with one summary and exit 1, deletes nothing, and the same command again completes the mirror', async () => {
    pcloud = await startRestartable();
    const root = await mkdtemp(join(tmpdir(), 'pcutil-sync-outage-'));
    const source = localSide(join(root, 'tree'));
    for (let i = 0; i < FILES; i++) await source.put(`d${i % 5}/f${i}.txt`, `file ${i} `.repeat(50), T0);
    const dest = remoteSide(pcloud.emulator, pcloud.client(), '/outage/tree');
    await dest.put('extra.txt', 'only in DEST', T0);
    // One transfer at a time, each held a while: small new files go up in batches of up to 32,
    // so without the delay the whole sync could end before the server is stopped.
    const args = ['sync', '--delete', '-j', '1', source.arg, 'p:/outage'];
    pcloud.emulator.faults.set({ rules: [{ methods: ['uploadfile'], latencyMs: 200 }] });
    const run = await spawnPcutil(pcloud.emulator, args, { PCLOUD_OUTAGE_WAIT: '1' });
    await until(run, () => (pcloud?.emulator.faults.tally.delayed ?? 0) >= 2);
    await pcloud.stop();
    const stopped = await run.exited;
    expect(stopped.code).toBe(1);
    const port = new URL(pcloud.emulator.apiUrl).port;
    const at = `\\d\\d:\\d\\d:\\d\\d \\(connection refused by 127\\.0\\.0\\.1:${port}\\)`;
    expect(stopped.stderr.trimEnd().split('\n'), stopped.stderr).toEqual([
      expect.stringMatching(new RegExp(`^pcutil: pCloud unreachable since ${at}; waiting up to 1 s for it to answer again$`)),
      expect.stringMatching(new RegExp(`^pcutil: stopped: pCloud has been unreachable since ${at}$`)),
      expect.stringMatching(
        /^\d+ copied, 0 updated, 0 deleted, 0 unchanged, 0 filtered, 0 failed in .*; \d+ not copied; nothing deleted \(1 to delete\): \d+ file\(s\) not copied\.$/,
      ),
      'hint: run the same command again: it copies only what is still missing or different',
    ]);

    await pcloud.start();
    const sideAfter = remoteSide(pcloud.emulator, pcloud.client(), '/outage/tree');
    expect((await sideAfter.state()).has('extra.txt')).toBe(true);
    const again = await (await spawnPcutil(pcloud.emulator, args)).exited;
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/ 1 deleted, /);
    expect(await sideAfter.state()).toEqual(await source.state());
  });
});
