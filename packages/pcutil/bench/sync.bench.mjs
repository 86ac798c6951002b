// `pnpm bench sync` (after `pnpm build`): `pcutil sync` against `rclone sync` with its defaults, on
// the emulator over HTTPS with latency on every answer (its own process, state in memory): a
// first sync of a 10,000-file tree up to pCloud, the same command again with nothing changed,
// then with 1% of the files changed. Every run is checked file by file; the table gives medians,
// peak RSS, pcutil ÷ rclone (time) and the goals met or not. Settings: see sync-settings.mjs.
// `pnpm bench sync` runs only this one; it takes some minutes, most of them the first syncs.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBenchTarget } from './bench-target.mjs';
import { ensureCommand } from './debian-package.mjs';
import { EMULATOR_FLAGS } from './emulator-launcher.mjs';
import { atExit } from './exit-cleanup.mjs';
import { GOALS } from './goals.mjs';
import { GNU_TIME } from './measure-process.mjs';
import { findRclone } from './rclone-setup.mjs';
import { wallTimeReport } from './row-report.mjs';
import { readSyncBenchSettings } from './sync-settings.mjs';
import { runSyncRounds } from './sync-rounds.mjs';
import { makeChangedTree, makeSyncTree } from './sync-trees.mjs';
import { formatTable } from './table.mjs';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const pcutilBin = join(packageDir, 'bin/pcutil.js');
const version = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version;

let settings;
try {
  settings = readSyncBenchSettings(process.env);
  ensureCommand(GNU_TIME, 'time');
} catch (error) {
  console.error(`bench: ${error.message}`);
  process.exit(2);
}
if (!existsSync(join(packageDir, 'dist/bin/pcutil.js'))) {
  console.error('bench: pcutil is not built: run `pnpm build` first');
  process.exit(1);
}

const work = await mkdtemp(join(tmpdir(), 'pcutil-sync-bench-'));
atExit(() => rmSync(work, { recursive: true, force: true }));
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(signal, () => process.exit(130));
const loadAtStart = loadavg()[0];
const count = settings.files.toLocaleString('en');
const reports = [];
let target;
let rclone;
let shape = '';
try {
  rclone = findRclone();
  console.error(`making a ${count}-file tree and its 1%-changed twin…`);
  const base = { dir: join(work, 'base') };
  await mkdir(base.dir);
  base.sums = await makeSyncTree(base.dir, settings);
  const changed = { dir: join(work, 'changed') };
  const made = await makeChangedTree(base.dir, changed.dir, base.sums, settings);
  changed.sums = made.sums;
  shape = `${count} × ${settings.fileSize / 1024} KiB in ${Math.ceil(settings.files / settings.perFolder)} folders of ${settings.perFolder} (25 to a parent); 1% changed: ${made.rewritten} rewritten (same size, new bytes and time), ${made.added} added, ${made.removed} removed`;
  target = await createBenchTarget({ work, name: 'sync', latencyMs: settings.latencyMs, memoryOnly: true, pcutilBin, rclone });
  const outcomes = await runSyncRounds({
    target,
    rounds: settings.runs,
    base,
    changed,
    seed: settings.seed,
    onRun: (text) => console.error(`  ${text}`),
  });
  const label = `emulator --latency ${settings.latencyMs}`;
  reports.push(
    {
      ...wallTimeReport({ work: `first sync up, ${count} files, ${label}`, outcome: outcomes.first, goal: { text: '', met: () => true } }),
      ...(settings.seed === 'copy' && !outcomes.first.failure ? { rclone: 'not run (seeded by a server-side copy)' } : {}),
      verdict: '',
    },
    wallTimeReport({ work: `no-change re-sync, ${label}`, outcome: outcomes.unchanged, goal: GOALS.syncUnchanged }),
    wallTimeReport({ work: `1% changed, ${label}`, outcome: outcomes.changed, goal: GOALS.syncChanged }),
  );
  for (const report of reports) if (report.failure) report.verdict = 'FAILED';
} catch (error) {
  console.error(`bench: ${error.message}`);
  process.exitCode = 1;
} finally {
  await target?.close();
  await rm(work, { recursive: true, force: true });
}

if (reports.length > 0) {
  console.log(
    [
      `pcutil ${version} (Node ${process.version}) sync --delete vs ${rclone.version} sync with its defaults (--ca-cert for the emulator's CA)`,
      `emulator: pcloud-emulator ${EMULATOR_FLAGS.join(' ')} --latency ${settings.latencyMs} in its own process, state in memory (no data dir)`,
      `tree: ${shape}`,
      `one first sync each into a fresh folder; then medians of ${settings.runs} rounds, each contender in turn: the same again, the changed tree, then (untimed) the base tree again${settings.seed === 'copy' ? "; rclone's folder seeded by a server-side copy of pcutil's first sync (PCUTIL_BENCH_SYNC_SEED=copy)" : ''}${settings.quick ? '; QUICK mode: a small tree, verdicts are only indicative' : ''}`,
      `machine: ${cpus().length} cores, load average ${loadAtStart.toFixed(2)} at start, ${loadavg()[0].toFixed(2)} at end (other work on the machine adds noise)`,
      '',
      formatTable(reports),
      '',
      'pcutil ÷ rclone: wall time, lower is better.',
    ].join('\n'),
  );
}
if (reports.some((report) => report.verdict === 'FAILED')) process.exitCode = 1;
