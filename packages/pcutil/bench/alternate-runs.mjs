// The runner: contenders take turns (A, B, A, B, …) so a noisy stretch of a shared machine hits
// each of them alike, and the row reports medians. A run counts only when its contender says it
// exited cleanly and left the right bytes; the first run that does not stops the row as FAILED,
// so a crash can never pass for a fast run.

/**
 * @typedef {object} RunResult
 * @property {number} seconds
 * @property {number} rssMb
 * @property {string} [failure] why this run does not count (exit code, wrong bytes, …)
 */

/**
 * @typedef {object} Contender
 * @property {string} name `pcutil`, `rclone`, `baseline`
 * @property {(round: string) => Promise<RunResult>} run one run, checked; `round` names it (`warm-up`, `1`, …)
 */

/**
 * @typedef {object} ContenderSummary
 * @property {number} medianSeconds
 * @property {number} peakRssMb the highest peak RSS over its timed runs
 * @property {number[]} seconds every timed run, in order
 */

/**
 * @typedef {object} RowOutcome
 * @property {Record<string, ContenderSummary>} byName
 * @property {string} [failure] `<name> run <round>: <why>` when a run failed
 */

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * Runs `warmups` untimed rounds, then `rounds` timed ones; in each round every contender runs once,
 * in the order given. Warm-up runs are checked too: a contender that fails there fails the row.
 * @param {{ contenders: Contender[], rounds: number, warmups?: number, onRun?: (text: string) => void }} plan
 * @returns {Promise<RowOutcome>}
 */
export async function alternateRuns({ contenders, rounds, warmups = 0, onRun = () => {} }) {
  const runs = Object.fromEntries(contenders.map(({ name }) => [name, []]));
  const labels = [...Array.from({ length: warmups }, () => 'warm-up'), ...Array.from({ length: rounds }, (_, i) => String(i + 1))];
  for (const label of labels) {
    for (const contender of contenders) {
      const result = await contender.run(label);
      if (result.failure !== undefined) {
        onRun(`${contender.name} run ${label}: FAILED`);
        return { byName: summarize(runs), failure: `${contender.name} run ${label}: ${result.failure}` };
      }
      onRun(`${contender.name} run ${label}: ${result.seconds.toFixed(2)} s, ${result.rssMb.toFixed(0)} MB`);
      if (label !== 'warm-up') runs[contender.name].push(result);
    }
  }
  return { byName: summarize(runs) };
}

function summarize(runs) {
  return Object.fromEntries(
    Object.entries(runs).map(([name, list]) => [
      name,
      {
        medianSeconds: list.length > 0 ? median(list.map((run) => run.seconds)) : NaN,
        peakRssMb: list.length > 0 ? Math.max(...list.map((run) => run.rssMb)) : NaN,
        seconds: list.map((run) => run.seconds),
      },
    ]),
  );
}
