/**
 * How many transfers run at once when the user did not say (-j): start with a few, add more while
 * the rate of finished transfers keeps rising (round trips, not bandwidth, limit small files), and
 * halve on every sign that pCloud is throttling or struggling (4xxx/5xxx answers, HTTP 429/503,
 * resets), then hold for a while before growing again. Growth is judged window by window: a window
 * ends once it has seen as many completions as there are lanes and enough time for a fair rate.
 */

/** The bounds of the number of lanes. */
export interface LaneBounds {
  min: number;
  start: number;
  max: number;
}

/** Lanes while nothing is known about the work or the server. */
export const ADAPTIVE_LANES: LaneBounds = { min: 2, start: 16, max: 32 };

/** A window shorter than this says little about the rate. */
const MIN_WINDOW_MS = 250;
/** A rate this much higher than the last window's counts as rising. */
const RISE = 1.1;
/** Windows without growth after a back-off. */
const HOLD_WINDOWS = 4;

/** A concurrency limit fed by the outcomes of the transfers it admits. */
export interface Lanes {
  /** How many transfers may run now. */
  readonly limit: number;
  /** A transfer ended well. */
  done(): void;
  /** pCloud throttled or failed transiently; answers whether the limit went down. */
  throttled(): boolean;
}

/** A number of lanes the user chose (-j N): never more than N, down to a quarter of N while pCloud pushes back. */
export function fixedLanes(jobs: number): Lanes {
  return createAdaptiveLanes({ min: Math.ceil(jobs / 4), start: jobs, max: jobs });
}

/** Lanes that grow while the completion rate rises and halve when pCloud pushes back. */
export function createAdaptiveLanes(bounds: LaneBounds, now: () => number = () => performance.now()): Lanes {
  let limit = clamp(bounds.start, bounds);
  let windowStart = now();
  let windowDone = 0;
  let lastRate = 0;
  let hold = 0;
  // After a back-off, the failures of transfers already in flight must not halve again: the next
  // back-off waits for a window's worth of completions at the new limit.
  let backedOffAt = Number.NEGATIVE_INFINITY;
  let doneSinceBackOff = Number.POSITIVE_INFINITY;
  const newWindow = (at: number): void => {
    windowStart = at;
    windowDone = 0;
  };
  return {
    get limit() {
      return limit;
    },
    done() {
      windowDone += 1;
      doneSinceBackOff += 1;
      const at = now();
      const elapsed = at - windowStart;
      if (windowDone < limit || elapsed < MIN_WINDOW_MS) return;
      const rate = windowDone / elapsed;
      if (hold > 0) hold -= 1;
      else if (rate > lastRate * RISE && limit < bounds.max) limit = clamp(Math.ceil(limit * 1.5), bounds);
      lastRate = rate;
      newWindow(at);
    },
    throttled() {
      const at = now();
      if (at - backedOffAt < MIN_WINDOW_MS || doneSinceBackOff < limit || limit <= bounds.min) return false;
      limit = clamp(Math.floor(limit / 2), bounds);
      backedOffAt = at;
      doneSinceBackOff = 0;
      hold = HOLD_WINDOWS;
      lastRate = 0;
      newWindow(at);
      return true;
    },
  };
}

function clamp(value: number, bounds: LaneBounds): number {
  return Math.max(bounds.min, Math.min(bounds.max, value));
}
