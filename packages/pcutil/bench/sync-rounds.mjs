// The sync rows. Each contender first mirrors the base tree into its own fresh pCloud folder (the
// first sync up, timed once: it is minutes of uploads, and not what the goal is about). Then, in
// each round, the contenders take turns at each step: the same command again with nothing
// changed, then the tree with 1% changed, then (untimed) the base tree again, which is another 1%
// change and leaves the folder ready for the next round. pcutil runs `sync --delete SOURCE/
// p:/DEST` (DEST becomes SOURCE's contents, deletions included), rclone `sync SOURCE remote:DEST`
// with its defaults (which delete too). After every run the server's tree is checked file by file
// (sha1) against the source, so a fast wrong run fails its row instead of counting.
import { median } from './alternate-runs.mjs';
import { treeDifference } from './fixtures.mjs';
import { REMOTE } from './rclone-setup.mjs';

/** The timed steps, in the order of the table. */
export const SYNC_STEPS = ['first', 'unchanged', 'changed'];

const CONTENDERS = ['pcutil', 'rclone'];

const commands = {
  pcutil: (source, dest) => ['pcutil', ['sync', '--delete', `${source}/`, `p:${dest}`]],
  rclone: (source, dest) => ['rclone', ['sync', source, `${REMOTE}:${dest}`]],
};

/**
 * Runs the first syncs and the rounds; answers, for each step, the outcome `alternate-runs.mjs`
 * would give (medians, peak RSS, or the first failure).
 * With `seed` `copy`, rclone's first copy is pcutil's folder copied on the server (checked as a run
 * is), not a timed rclone run.
 * @param {{ target: object, rounds: number, base: { dir: string, sums: Map<string, string> }, changed: { dir: string, sums: Map<string, string> }, seed?: 'sync' | 'copy', onRun: (text: string) => void }} options
 */
export async function runSyncRounds({ target, rounds, base, changed, seed = 'sync', onRun }) {
  const runs = Object.fromEntries(SYNC_STEPS.map((step) => [step, { pcutil: [], rclone: [] }]));
  const failures = {};
  const broken = new Set();
  const destOf = (name) => `/sync-bench/${name}`;
  /** One checked run; a failure stops that contender, whose folder no longer is what the next step expects. */
  const run = async (name, step, source, label) => {
    if (broken.has(name)) return;
    const [tool, args] = commands[name](source.dir, destOf(name));
    const result = await target[tool](args, async () => treeDifference(source.sums, await target.api.treeSha1s(destOf(name))));
    if (result.failure !== undefined) {
      broken.add(name);
      // The failed step's row fails, and so do the rows of every step that builds on it.
      const at = SYNC_STEPS.indexOf(step);
      for (const row of at >= 0 ? SYNC_STEPS.slice(at) : ['unchanged', 'changed'])
        failures[row] ??=
          row === step ? `${name} ${label}: ${result.failure}` : `${name}: the ${label} before it failed: ${result.failure}`;
      onRun(`${name} ${label}: FAILED`);
      return;
    }
    onRun(`${name} ${label}: ${result.seconds.toFixed(2)} s, ${result.rssMb.toFixed(0)} MB`);
    if (runs[step]) runs[step][name].push(result);
  };
  await target.api.call('createfolderifnotexists', { path: '/sync-bench' });
  try {
    if (seed === 'copy') {
      await run('pcutil', 'first', base, 'first sync');
      if (!broken.has('pcutil')) await seedCopy(target, destOf('pcutil'), destOf('rclone'), base, onRun);
    } else for (const name of CONTENDERS) await run(name, 'first', base, 'first sync');
    for (let round = 1; round <= rounds; round += 1) {
      // Who goes first alternates, so a noisy stretch of a shared machine hits both alike.
      const order = round % 2 === 1 ? CONTENDERS : [...CONTENDERS].reverse();
      for (const name of order) await run(name, 'unchanged', base, `no-change run ${round}`);
      for (const name of order) await run(name, 'changed', changed, `1%-changed run ${round}`);
      if (round < rounds) for (const name of order) await run(name, 'back', base, `back to the base tree ${round} (untimed)`);
    }
  } finally {
    for (const name of CONTENDERS) await target.api.deleteFolder(destOf(name)).catch(() => {});
  }
  return Object.fromEntries(
    SYNC_STEPS.map((step) => [
      step,
      {
        byName: Object.fromEntries(
          Object.entries(runs[step]).map(([name, list]) => [
            name,
            {
              medianSeconds: list.length > 0 ? median(list.map((one) => one.seconds)) : NaN,
              peakRssMb: list.length > 0 ? Math.max(...list.map((one) => one.rssMb)) : NaN,
              seconds: list.map((one) => one.seconds),
            },
          ]),
        ),
        ...(failures[step] ? { failure: failures[step] } : {}),
      },
    ]),
  );
}

/** rclone's folder as a server-side copy of pcutil's first sync, checked file by file. */
async function seedCopy(target, from, to, base, onRun) {
  const source = (await target.api.call('stat', { path: from })).metadata.folderid;
  const dest = (await target.api.call('createfolderifnotexists', { path: to })).metadata.folderid;
  await target.api.call('copyfolder', { folderid: source, tofolderid: dest, copycontentonly: 1 });
  const difference = treeDifference(base.sums, await target.api.treeSha1s(to));
  if (difference !== undefined) throw new Error(`the server-side copy for rclone differs: ${difference}`);
  onRun(`rclone first sync: seeded by a server-side copy of pcutil's (untimed)`);
}
