// `pnpm bench` (after `pnpm build`): pcutil as users meet it, side by side with rclone in the same
// run, against the emulator over HTTPS (its own process, data dir on tmpfs): a big file up and down
// (beside a plain Node HTTPS transfer of the same bytes), many small files on loopback and with
// latency on every answer, and start-up wall times. Contenders alternate; the table gives medians,
// peak RSS, pcutil ÷ rclone and the speed goals met or not. A run that exits non-zero or leaves
// wrong bytes marks its row FAILED and the bench exits 1. Choices: see bench-settings.mjs.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readBenchSettings } from './bench-settings.mjs';
import { createBenchTarget } from './bench-target.mjs';
import { ensureCommand } from './debian-package.mjs';
import { EMULATOR_FLAGS } from './emulator-launcher.mjs';
import { atExit } from './exit-cleanup.mjs';
import { makeBigFile, makeSmallTree } from './fixtures.mjs';
import { GNU_TIME } from './measure-process.mjs';
import { GOALS } from './goals.mjs';
import { findRclone } from './rclone-setup.mjs';
import { bigDownloadRows, bigUploadRows } from './rows-big-file.mjs';
import { smallDownloadRow, smallUploadRow } from './rows-small-files.mjs';
import { helpRow, lsRow } from './rows-startup.mjs';
import { formatTable } from './table.mjs';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const pcutilBin = join(packageDir, 'bin/pcutil.js');
const version = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version;

/** A small-files row on either emulator, labelled by it. */
const smallFiles = (row, goal) => async (bench, target) => {
  const label = target.name === 'latency' ? `emulator --latency ${bench.settings.latencyMs}` : 'loopback';
  return row(bench, target, await bench.small(), { label, goal });
};
const bigFile = (rows) => async (bench, target) => rows(bench, target, await bench.big());

/** Each row: the emulator it needs, its title should it fail before any run, and how to run it. */
const ROWS = {
  help: { target: 'loopback', title: '`pcutil --help` vs `rclone --help`', run: helpRow },
  ls: { target: 'loopback', title: '`pcutil ls p:/` vs `rclone lsf`', run: lsRow },
  'big-up': { target: 'loopback', title: 'big file upload', run: bigFile(bigUploadRows) },
  'big-down': { target: 'loopback', title: 'big file download', run: bigFile(bigDownloadRows) },
  'small-up': { target: 'loopback', title: 'small files up, loopback', run: smallFiles(smallUploadRow, GOALS.smallUp) },
  'small-down': { target: 'loopback', title: 'small files down, loopback', run: smallFiles(smallDownloadRow, GOALS.smallDown) },
  'latency-up': { target: 'latency', title: 'small files up, latency', run: smallFiles(smallUploadRow, GOALS.latencyUp) },
  'latency-down': { target: 'latency', title: 'small files down, latency', run: smallFiles(smallDownloadRow, GOALS.latencyDown) },
};

let settings;
try {
  settings = readBenchSettings(process.env);
  ensureCommand(GNU_TIME, 'time');
} catch (error) {
  console.error(`bench: ${error.message}`);
  process.exit(2);
}
if (!existsSync(join(packageDir, 'dist/bin/pcutil.js'))) {
  console.error('bench: pcutil is not built: run `pnpm build` first');
  process.exit(1);
}

const work = await mkdtemp(join(tmpdir(), 'pcutil-bench-'));
const targets = new Map();
const reports = [];
const loadAtStart = loadavg()[0];
atExit(() => rmSync(work, { recursive: true, force: true }));
// Exiting runs the clean-up hooks: servers killed, scratch removed.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(signal, () => process.exit(130));

const once = (make) => {
  let made;
  return () => (made ??= make());
};
const bench = {
  settings,
  work,
  progress: (row) => (text) => console.error(`  ${row}: ${text}`),
  big: once(async () => {
    const path = join(work, 'big.bin');
    return { path, size: settings.bigBytes, sha1: await makeBigFile(path, settings.bigBytes) };
  }),
  small: once(async () => {
    const dir = join(work, 'small');
    await mkdir(dir);
    return { dir, ...(await makeSmallTree(dir, settings.smallCount, settings.smallSize)) };
  }),
};

let rclone;
try {
  rclone = findRclone();
  const targetFor = async (kind) => {
    if (!targets.has(kind)) {
      const latencyMs = kind === 'latency' ? settings.latencyMs : undefined;
      targets.set(kind, await createBenchTarget({ work, name: kind, latencyMs, pcutilBin, rclone }));
    }
    return targets.get(kind);
  };
  for (const id of settings.rows) {
    const row = ROWS[id];
    console.error(`${id}:`);
    try {
      reports.push(...(await row.run(bench, await targetFor(row.target))));
    } catch (error) {
      const death = targets.get(row.target)?.emulator.death();
      const failure = death ? `${error.message}; ${death}` : error.message;
      reports.push({ work: row.title, pcutil: '—', rclone: '—', ratio: '—', goal: '', verdict: 'FAILED', failure });
    }
  }
} catch (error) {
  console.error(`bench: ${error.message}`);
  process.exitCode = 1;
} finally {
  for (const target of targets.values()) await target.close();
  await rm(work, { recursive: true, force: true });
}

if (reports.length > 0) {
  const anyTarget = [...targets.values()][0];
  const runsText = `medians of ${settings.runs} alternating runs (start-up rows: ${settings.startupRuns}), after one untimed warm-up round for big-file and start-up rows`;
  console.log(
    [
      `pcutil ${version} (Node ${process.version}) vs ${rclone.version} with its defaults (--ca-cert for the emulator's CA)`,
      `emulator: pcloud-emulator ${EMULATOR_FLAGS.join(' ')} in its own process, data dir on ${anyTarget?.emulator.onTmpfs ? 'tmpfs (/dev/shm)' : 'disk'}; latency rows: another one with --latency ${settings.latencyMs} on every answer (API and downloads)`,
      runsText + (settings.quick ? '; QUICK mode: small sizes, verdicts are only indicative' : ''),
      `machine: ${cpus().length} cores, load average ${loadAtStart.toFixed(2)} at start, ${loadavg()[0].toFixed(2)} at end (other work on the machine adds noise)`,
      '',
      formatTable(reports),
      '',
      'pcutil ÷ rclone: for transfers, throughput (higher is better); for wall times, time (lower is better).',
    ].join('\n'),
  );
}
if (reports.some((report) => report.verdict === 'FAILED')) process.exitCode = 1;
