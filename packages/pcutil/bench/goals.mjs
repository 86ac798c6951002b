// The speed goals of the "HTTPS, latency and rclone" work, printed beside each row: every goal is
// against rclone's defaults in the same run, except loopback small files, whose goal is "no slower
// than when the goals were set" (pcutil's own figures then, over HTTPS on this 2-core machine).

/**
 * @typedef {object} GoalInput
 * @property {number} ratio pcutil ÷ rclone: throughput for transfers, wall time for start-up rows
 * @property {number} pcutilRate pcutil's throughput (MiB/s or files/s)
 * @property {number} pcutilRssMb pcutil's peak RSS
 */

/** @typedef {{ text: string, met: (input: GoalInput) => boolean }} Goal */

const RSS_BUDGET_MB = 100;
const LOOPBACK_BEFORE = { up: 649, down: 576 };

/** @type {Record<string, Goal>} */
export const GOALS = {
  bigUp: {
    text: `≥ 1.2× rclone; peak RSS ≤ ${RSS_BUDGET_MB} MB`,
    met: ({ ratio, pcutilRssMb }) => ratio >= 1.2 && pcutilRssMb <= RSS_BUDGET_MB,
  },
  bigDown: {
    text: `≥ 1.2× rclone; peak RSS ≤ ${RSS_BUDGET_MB} MB`,
    met: ({ ratio, pcutilRssMb }) => ratio >= 1.2 && pcutilRssMb <= RSS_BUDGET_MB,
  },
  smallUp: { text: `no slower than before (≥ ${LOOPBACK_BEFORE.up} files/s)`, met: ({ pcutilRate }) => pcutilRate >= LOOPBACK_BEFORE.up },
  smallDown: {
    text: `no slower than before (≥ ${LOOPBACK_BEFORE.down} files/s)`,
    met: ({ pcutilRate }) => pcutilRate >= LOOPBACK_BEFORE.down,
  },
  latencyUp: { text: '≥ 5× rclone', met: ({ ratio }) => ratio >= 5 },
  latencyDown: { text: '≥ 3× rclone', met: ({ ratio }) => ratio >= 3 },
  syncUnchanged: { text: '≥ 5× faster than rclone sync (≤ 0.20× the time)', met: ({ ratio }) => ratio <= 0.2 },
  syncChanged: { text: '≥ 5× faster than rclone sync (≤ 0.20× the time)', met: ({ ratio }) => ratio <= 0.2 },
  help: { text: '≤ rclone --help (≤ 1.00×)', met: ({ ratio }) => ratio <= 1 },
  ls: { text: '≤ rclone lsf (≤ 1.00×)', met: ({ ratio }) => ratio <= 1 },
};
