/**
 * Retry timing: exponential backoff with jitter, bounded by a number of retries AND by the
 * total time spent, so a struggling server never holds a command for long.
 */
import { PCloudError } from '../errors.js';

/** How transient failures are retried. */
export interface RetryOptions {
  /** Retries after the first attempt (default 4; 0 disables retrying). */
  retries: number;
  /** Delay before the first retry in ms (default 300); doubles each time. */
  minDelayMs: number;
  /** Cap of one delay in ms (default 5000). */
  maxDelayMs: number;
  /** No retry starts once this much time in ms has passed since the first attempt (default 30000). */
  maxElapsedMs: number;
}

/** The defaults: up to 4 retries within 30 seconds, 0.3 s → 5 s apart. */
export const DEFAULT_RETRY: RetryOptions = { retries: 4, minDelayMs: 300, maxDelayMs: 5000, maxElapsedMs: 30_000 };

/** Merges user retry options over the defaults; `false` means no retries. */
export function resolveRetry(options: Partial<RetryOptions> | false | undefined): RetryOptions {
  if (options === false) return { ...DEFAULT_RETRY, retries: 0 };
  const merged = { ...DEFAULT_RETRY, ...options };
  for (const [key, value] of Object.entries(merged)) {
    if (!Number.isFinite(value) || value < 0) {
      throw new PCloudError('USAGE_ERROR', `Invalid retry option ${key}: expected a non-negative number, got ${value}.`);
    }
  }
  return merged;
}

/**
 * The delay before retry number `retry` (1-based): the exponential step scaled by a random
 * factor in [0.5, 1) ("equal jitter"), so clients that failed together do not retry together.
 */
export function backoffDelay(retry: number, options: RetryOptions, random: () => number = Math.random): number {
  const step = Math.min(options.maxDelayMs, options.minDelayMs * 2 ** (retry - 1));
  return Math.round(step * (0.5 + random() / 2));
}

/** Waits `ms`, or rejects with an `ABORTED` PCloudError when the signal fires first. */
export function sleep(ms: number, signal: AbortSignal | undefined, method: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const aborted = (): void => {
      clearTimeout(timer);
      reject(new PCloudError('ABORTED', `${method}: the call was aborted.`));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', aborted);
      resolve();
    }, ms);
    if (signal?.aborted) aborted();
    else signal?.addEventListener('abort', aborted, { once: true });
  });
}

/**
 * The retries of one call or transfer under a policy, the one helper every retry loop uses (the
 * client's calls, listings, resumable writes, downloads, playlist creation): each retry is
 * granted with its delay while both the number of retries and the time since the first attempt
 * (or since the clock last restarted) stay within the policy.
 */
export interface RetryBudget {
  /** Retries granted so far (since the last `progressed`). */
  readonly retries: number;
  /** The most retries this budget grants. */
  readonly limit: number;
  /** Grants the next retry: its delay in ms, or undefined when the budget is spent (count or maxElapsedMs). */
  take(): number | undefined;
  /** The server was waited for (wait-for-server.ts): the time budget starts again. */
  restartClock(): void;
  /** The work moved on (a download received bytes): retries and time start again. */
  progressed(): void;
}

/** A fresh budget; `limit` overrides the policy's number of retries (a download's own setting). */
export function createRetryBudget(policy: RetryOptions, limit: number = policy.retries): RetryBudget {
  let retries = 0;
  let from = Date.now();
  return {
    get retries() {
      return retries;
    },
    limit,
    take() {
      if (retries >= limit) return undefined;
      const delay = backoffDelay(retries + 1, policy);
      if (Date.now() - from + delay > policy.maxElapsedMs) return undefined;
      retries += 1;
      return delay;
    },
    restartClock() {
      from = Date.now();
    },
    progressed() {
      if (retries === 0) return;
      retries = 0;
      from = Date.now();
    },
  };
}
