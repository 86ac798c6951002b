/** How many items of a pool may run at once. */
export interface PoolLimits<T> {
  /** Items in flight; read again before each start, so an adaptive limit takes effect at once. */
  lanes: number | (() => number);
  /** Items that weigh more (big files) run at most `limit` at once; lighter ones pass them meanwhile. */
  heavy?: { is: (item: T) => boolean; limit: number };
}

/**
 * Runs `work` over `items` within `limits` (a plain number: that many in flight), in order of
 * start, except that a heavy item waiting for its own limit lets lighter ones go first. A failing
 * item does not stop the others: `work` is expected to report and swallow its own errors. Stops
 * starting new items once `signal` aborts or `stop()` says so; answers how many were started.
 */
export function runPool<T>(
  items: readonly T[],
  limits: number | PoolLimits<T>,
  work: (item: T) => Promise<void>,
  signal?: AbortSignal,
  stop: () => boolean = () => false,
): Promise<number> {
  const { lanes, heavy } = typeof limits === 'number' ? { lanes: limits, heavy: undefined } : limits;
  const laneLimit = typeof lanes === 'number' ? () => lanes : lanes;
  const queues = { light: [] as number[], heavy: [] as number[] };
  items.forEach((item, index) => void (heavy?.is(item) ? queues.heavy : queues.light).push(index));
  let light = 0;
  let heavyNext = 0;
  let running = 0;
  let heavyRunning = 0;
  let started = 0;
  return new Promise((resolve, reject) => {
    const pick = (): { index: number; isHeavy: boolean } | undefined => {
      const lightIndex = queues.light[light];
      const heavyIndex = heavy && heavyRunning < heavy.limit ? queues.heavy[heavyNext] : undefined;
      if (heavyIndex !== undefined && (lightIndex === undefined || heavyIndex < lightIndex)) {
        heavyNext += 1;
        return { index: heavyIndex, isHeavy: true };
      }
      if (lightIndex === undefined) return undefined;
      light += 1;
      return { index: lightIndex, isHeavy: false };
    };
    const pump = (): void => {
      while (!signal?.aborted && !stop() && running < Math.max(1, laneLimit())) {
        const next = pick();
        if (!next) break;
        running += 1;
        started += 1;
        if (next.isHeavy) heavyRunning += 1;
        work(items[next.index] as T).then(() => {
          running -= 1;
          if (next.isHeavy) heavyRunning -= 1;
          pump();
        }, reject);
      }
      if (running === 0) resolve(started);
    };
    pump();
  });
}
