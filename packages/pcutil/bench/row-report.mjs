// Turns a row's alternated runs into its line of the table: medians, peak RSS, the ratio
// pcutil ÷ rclone and the goal's verdict, or FAILED with the reason.

/**
 * @typedef {object} RowReport
 * @property {string} work
 * @property {string} pcutil
 * @property {string} rclone
 * @property {string} ratio
 * @property {string} goal
 * @property {string} verdict `met`, `not met`, `FAILED` or empty (rows without a goal)
 * @property {string} [failure] why the row FAILED
 */

const MIB = 1024 * 1024;
const rss = (mb) => (Number.isFinite(mb) ? `, peak RSS ${mb.toFixed(0)} MB` : '');

/** A transfer row: `amount` bytes (unit MiB/s) or files (unit files/s) moved per run. */
export function transferReport({ work, amount, unit, outcome, goal }) {
  const rate = (name) => (unit === 'MiB/s' ? amount / MIB : amount) / outcome.byName[name].medianSeconds;
  const show = (name) => {
    const value = rate(name);
    return Number.isFinite(value) ? `${value.toFixed(0)} ${unit}${rss(outcome.byName[name].peakRssMb)}` : '—';
  };
  const ratio = rate('pcutil') / rate('rclone');
  return finish({
    work,
    pcutil: show('pcutil'),
    rclone: show('rclone'),
    ratio,
    ratioText: `${ratio.toFixed(2)}×`,
    outcome,
    goal,
    pcutilRate: rate('pcutil'),
  });
}

/** A wall-time row: the ratio is pcutil's time ÷ rclone's, so lower is better. */
export function wallTimeReport({ work, outcome, goal }) {
  const ms = (name) => outcome.byName[name].medianSeconds * 1000;
  const show = (name) => (Number.isFinite(ms(name)) ? `${ms(name).toFixed(0)} ms${rss(outcome.byName[name].peakRssMb)}` : '—');
  const ratio = ms('pcutil') / ms('rclone');
  return finish({
    work,
    pcutil: show('pcutil'),
    rclone: show('rclone'),
    ratio,
    ratioText: `${ratio.toFixed(2)}× the time`,
    outcome,
    goal,
    pcutilRate: NaN,
  });
}

/** The plain Node row of a transfer: its own rate, and how close pcutil and rclone come to it. */
export function baselineReport({ work, amount, outcome }) {
  const seconds = (name) => outcome.byName[name].medianSeconds;
  const share = (name) => (Number.isFinite(seconds(name)) ? `${((seconds('baseline') / seconds(name)) * 100).toFixed(0)}% of it` : '—');
  const rate = amount / MIB / seconds('baseline');
  const text = Number.isFinite(rate) ? `${rate.toFixed(0)} MiB/s${rss(outcome.byName.baseline.peakRssMb)}` : '—';
  if (outcome.failure)
    return { work: `${work}: —`, pcutil: '—', rclone: '—', ratio: '', goal: '', verdict: 'FAILED', failure: outcome.failure };
  return { work: `${work}: ${text}`, pcutil: share('pcutil'), rclone: share('rclone'), ratio: '', goal: '', verdict: '' };
}

// A FAILED row shows no numbers: its runs before the failure are not a result to quote.
function finish({ work, pcutil, rclone, ratio, ratioText, outcome, goal, pcutilRate }) {
  if (outcome.failure) return { work, pcutil: '—', rclone: '—', ratio: '—', goal: goal.text, verdict: 'FAILED', failure: outcome.failure };
  const base = { work, pcutil, rclone, ratio: Number.isFinite(ratio) ? ratioText : '—', goal: goal.text };
  const met = goal.met({ ratio, pcutilRate, pcutilRssMb: outcome.byName.pcutil.peakRssMb });
  return { ...base, verdict: met ? 'met' : 'not met' };
}
