/** A small concurrency limiter: at most N tasks run at once, the rest wait in order. */

/** Runs a task when a slot is free; resolves or rejects with the task's outcome. */
export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

/** Creates a limiter allowing `concurrency` tasks at once (at least 1). */
export function createLimiter(concurrency: number): Limiter {
  const limit = Math.max(1, Math.floor(concurrency));
  let running = 0;
  const waiting: Array<() => void> = [];

  const release = (): void => {
    running--;
    const next = waiting.shift();
    if (next) {
      running++;
      next();
    }
  };

  return <T>(task: () => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const start = (): void => {
        task().then(resolve, reject).finally(release);
      };
      if (running < limit) {
        running++;
        start();
      } else {
        waiting.push(start);
      }
    });
}
