/**
 * Runs `work` over `items` with at most `concurrency` in flight, in order of start. A failing item
 * does not stop the others: `work` is expected to report and swallow its own errors. Stops
 * starting new items once `signal` aborts or `stop()` says so; answers how many were started.
 */
export async function runPool<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
  signal?: AbortSignal,
  stop: () => boolean = () => false,
): Promise<number> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length && !signal?.aborted && !stop()) {
      const item = items[next] as T;
      next += 1;
      await work(item);
    }
  };
  const lanes = Math.max(1, Math.min(concurrency, items.length));
  await Promise.all(Array.from({ length: lanes }, worker));
  return next;
}
