// Many small files up and down (`cp -r` vs `rclone copy`, each with its defaults), on loopback or
// against an emulator that answers every call late. Every upload goes to a fresh folder and is
// checked file by file against the server's sha1s, then deleted; every download goes to a fresh
// local folder and is checked against the source's sha1s, then deleted.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { alternateRuns } from './alternate-runs.mjs';
import { localTreeSha1s, treeDifference } from './fixtures.mjs';
import { REMOTE } from './rclone-setup.mjs';
import { transferReport } from './row-report.mjs';

/**
 * @param {object} bench
 * @param {object} target
 * @param {{ dir: string, entries: Array<[string, Buffer]>, sha1s: Map<string, string> }} tree the local source
 * @param {{ label: string, goal: import('./goals.mjs').Goal }} row
 */
export async function smallUploadRow(bench, target, tree, { label, goal }) {
  await target.api.call('createfolderifnotexists', { path: '/small-up' });
  let serial = 0;
  const checkRemote = (path) => async () => {
    try {
      return treeDifference(tree.sha1s, await target.api.treeSha1s(path));
    } finally {
      await target.api.deleteFolder(path).catch(() => {});
    }
  };
  const upload = (name, copy) => () => {
    const path = `/small-up/${name}-${++serial}`;
    return copy(path, checkRemote(path));
  };
  const outcome = await alternateRuns({
    rounds: bench.settings.runs,
    onRun: bench.progress(`${label} up`),
    contenders: [
      { name: 'pcutil', run: upload('pcutil', (path, check) => target.pcutil(['cp', '-r', `${tree.dir}/`, `p:${path}`], check)) },
      { name: 'rclone', run: upload('rclone', (path, check) => target.rclone(['copy', tree.dir, `${REMOTE}:${path}`], check)) },
    ],
  });
  return [transferReport({ work: `${countLabel(tree)} up, ${label}`, amount: tree.entries.length, unit: 'files/s', outcome, goal })];
}

/** The same tree seeded on the server by the bench, then downloaded. */
export async function smallDownloadRow(bench, target, tree, { label, goal }) {
  await target.api.seedTree('/small-down', tree.entries);
  const seeded = await target.api.treeSha1s('/small-down');
  const seedProblem = treeDifference(tree.sha1s, seeded);
  if (seedProblem) throw new Error(`seeding the small files to download failed: ${seedProblem}`);
  let serial = 0;
  const checkLocal = (dir) => async () => {
    try {
      return treeDifference(tree.sha1s, await localTreeSha1s(dir));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
  const download = (name, copy) => () => {
    const dir = join(bench.work, `${name}-${++serial}`);
    return copy(dir, checkLocal(dir));
  };
  const outcome = await alternateRuns({
    rounds: bench.settings.runs,
    onRun: bench.progress(`${label} down`),
    contenders: [
      { name: 'pcutil', run: download('pcutil', (dir, check) => target.pcutil(['cp', '-r', 'p:/small-down/', dir], check)) },
      { name: 'rclone', run: download('rclone', (dir, check) => target.rclone(['copy', `${REMOTE}:/small-down`, dir], check)) },
    ],
  });
  await target.api.deleteFolder('/small-down');
  return [transferReport({ work: `${countLabel(tree)} down, ${label}`, amount: tree.entries.length, unit: 'files/s', outcome, goal })];
}

function countLabel(tree) {
  const size = tree.entries[0]?.[1].length ?? 0;
  return `${tree.entries.length.toLocaleString('en')} × ${size % 1024 === 0 ? `${size / 1024} KiB` : `${size} B`}`;
}
