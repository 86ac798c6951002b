// Start-up rows: what a user waits for before any transfer. `--help` (no network) and the listing
// of an empty root folder (one call), pcutil against rclone, wall time. One untimed warm-up round
// first: pcutil's compile cache and both programs' pages in the page cache, as for a user who ran
// them before.
import { alternateRuns } from './alternate-runs.mjs';
import { GOALS } from './goals.mjs';
import { REMOTE } from './rclone-setup.mjs';
import { wallTimeReport } from './row-report.mjs';

const expectOutput =
  (pattern, what) =>
  async ({ stdout }) =>
    pattern.test(stdout) ? undefined : `printed ${what}: ${JSON.stringify(stdout.slice(0, 200))}`;

/** `pcutil --help` vs `rclone --help`. */
export async function helpRow(bench, target) {
  const outcome = await alternateRuns({
    rounds: bench.settings.startupRuns,
    warmups: 1,
    onRun: bench.progress('help'),
    contenders: [
      { name: 'pcutil', run: () => target.pcutil(['--help'], expectOutput(/^pcutil .*<command>/m, 'no usage line')) },
      { name: 'rclone', run: () => target.rclone(['--help'], expectOutput(/^Usage:\s*\n\s*rclone /m, 'no usage line')) },
    ],
  });
  return [wallTimeReport({ work: '`pcutil --help` vs `rclone --help`, wall', outcome, goal: GOALS.help })];
}

/** `pcutil ls p:/` vs `rclone lsf` of the empty root folder of a fresh emulator. */
export async function lsRow(bench, target) {
  const { metadata } = await target.api.call('listfolder', { path: '/' });
  if (metadata.contents.length > 0) throw new Error('the root folder is not empty: the ls row must run first on a fresh emulator');
  const outcome = await alternateRuns({
    rounds: bench.settings.startupRuns,
    warmups: 1,
    onRun: bench.progress('ls'),
    contenders: [
      { name: 'pcutil', run: () => target.pcutil(['ls', 'p:/'], expectOutput(/^$/, 'a non-empty listing')) },
      { name: 'rclone', run: () => target.rclone(['lsf', `${REMOTE}:`], expectOutput(/^$/, 'a non-empty listing')) },
    ],
  });
  return [wallTimeReport({ work: '`pcutil ls p:/` vs `rclone lsf` (empty root), wall', outcome, goal: GOALS.ls })];
}
