// One big file up and down: pcutil, rclone and the plain Node baseline take turns, after one
// untimed warm-up round (the first gigabytes the emulator stores land in memory the VM has not
// handed out yet, which cost the stand-in server about a fifth more time, measured). Every upload
// gets a fresh name (rclone would skip an unchanged target) and is checked against the server's
// sha1, then deleted; every download is checked against the local source's sha1, then deleted.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { alternateRuns } from './alternate-runs.mjs';
import { startBaseline } from './baseline.mjs';
import { sha1File } from './fixtures.mjs';
import { GOALS } from './goals.mjs';
import { REMOTE } from './rclone-setup.mjs';
import { baselineReport, transferReport } from './row-report.mjs';

const sizeLabel = (bytes) => (bytes >= 1024 ** 3 ? `${+(bytes / 1024 ** 3).toFixed(2)} GiB` : `${+(bytes / 1024 ** 2).toFixed(1)} MiB`);

/** Uploads of `big` (`{ path, size, sha1 }`): the 1 GiB upload row and its baseline row. */
export async function bigUploadRows(bench, target, big) {
  await target.api.call('createfolderifnotexists', { path: '/big-up' });
  const baseline = await startBaseline(bench, big.path);
  let serial = 0;
  const checkRemote = (path) => async () => {
    try {
      const { sha1, size } = await target.api.checksum(path);
      return sha1 === big.sha1 && size === big.size ? undefined : `the server holds ${size} bytes with sha1 ${sha1}, not the source's`;
    } finally {
      await target.api.deleteFile(path).catch(() => {});
    }
  };
  const pcutilUp = () => {
    const path = `/big-up/pcutil-${++serial}.bin`;
    return target.pcutil(['cp', big.path, `p:${path}`], checkRemote(path));
  };
  const rcloneUp = () => {
    const path = `/big-up/rclone-${++serial}.bin`;
    return target.rclone(['copyto', big.path, `${REMOTE}:${path}`], checkRemote(path));
  };
  const outcome = await alternateRuns({
    rounds: bench.settings.runs,
    warmups: 1,
    onRun: bench.progress('big up'),
    contenders: [
      { name: 'baseline', run: () => baseline.up() },
      { name: 'pcutil', run: pcutilUp },
      { name: 'rclone', run: rcloneUp },
    ],
  }).finally(() => baseline.close());
  const label = sizeLabel(big.size);
  return [
    transferReport({ work: `${label} upload`, amount: big.size, unit: 'MiB/s', outcome, goal: GOALS.bigUp }),
    baselineReport({ work: `${label} plain Node HTTPS PUT of the same bytes`, amount: big.size, outcome }),
  ];
}

/** Downloads of `big` after the bench seeds it: the 1 GiB download row and its baseline row. */
export async function bigDownloadRows(bench, target, big) {
  await target.api.call('createfolderifnotexists', { path: '/big-down' });
  await target.api.seedFile('/big-down', 'big.bin', big);
  const seeded = await target.api.checksum('/big-down/big.bin');
  if (seeded.sha1 !== big.sha1) throw new Error('seeding the big file to download failed: the server holds other bytes');
  const baseline = await startBaseline(bench, big.path);
  let serial = 0;
  const checkLocal = (path) => async () => {
    try {
      return (await sha1File(path)) === big.sha1 ? undefined : 'the downloaded file has other bytes than the source';
    } finally {
      await rm(path, { force: true });
    }
  };
  // Each contender downloads into a fresh local path, checked then deleted.
  const into = (name, download) => () => {
    const path = join(bench.work, `${name}-${++serial}.bin`);
    return download(path, checkLocal(path));
  };
  const outcome = await alternateRuns({
    rounds: bench.settings.runs,
    warmups: 1,
    onRun: bench.progress('big down'),
    contenders: [
      { name: 'baseline', run: into('baseline', (path, check) => baseline.down(path, check)) },
      { name: 'pcutil', run: into('pcutil', (path, check) => target.pcutil(['cp', 'p:/big-down/big.bin', path], check)) },
      { name: 'rclone', run: into('rclone', (path, check) => target.rclone(['copyto', `${REMOTE}:/big-down/big.bin`, path], check)) },
    ],
  }).finally(() => baseline.close());
  await target.api.deleteFile('/big-down/big.bin');
  const label = sizeLabel(big.size);
  return [
    transferReport({ work: `${label} download`, amount: big.size, unit: 'MiB/s', outcome, goal: GOALS.bigDown }),
    baselineReport({ work: `${label} plain Node HTTPS GET of the same bytes`, amount: big.size, outcome }),
  ];
}
