/**
 * One judgement per run of whether pCloud answers, shared by the retry loop of every call the run
 * makes (calls, uploads, resumable writes, listings, and downloads through their link requests).
 * Any API answer means reached. Once the server has answered, a failure to reach it at all
 * (unreachable-reason.ts) makes the run wait for it: calls keep trying, paced, past their own
 * retry budget. When nothing has succeeded for `windowMs` since the failures began and failures
 * keep coming, the server is judged gone: calls stop retrying, and tools stop starting new work.
 * Resets and 5000 answers alone never start a wait, so a flaky server is retried as before and
 * never taken for a gone one; before the first answer nothing is waited for, so a wrong endpoint
 * still fails at once.
 */
import { PCloudError, TransportError } from '../errors.js';
import { DEFAULT_TIMEOUT } from './client-options.js';
import { unreachableReason } from './unreachable-reason.js';

/** The judgement: `since` is when the failures began (epoch ms), `reason` and `detail` the latest cause. */
export type ReachabilityState = { kind: 'reachable' } | { kind: 'waiting' | 'unreachable'; since: number; reason: string; detail: string };

/** What a retry loop does after a failed attempt: wait for the server, stop (it is gone), or follow its own policy. */
export type FailureVerdict = 'wait' | 'give-up' | 'own';

/** Receives every change of the judgement. */
export type ReachabilityListener = (state: ReachabilityState, previous: ReachabilityState) => void;

/** A run's shared judgement of whether pCloud answers. */
export interface Reachability {
  /** How long failures may last without a success before the server is judged gone (ms). */
  readonly windowMs: number;
  readonly state: ReachabilityState;
  /** When the soonest waiting call tries again (epoch ms), while one waits. */
  readonly retryAt: number | undefined;
  /** The server answered a call (whatever its result). */
  reached(): void;
  /** Records a failed attempt; `host` names the server when the error does not. The same error gets the same verdict. */
  failed(error: unknown, host?: string): FailureVerdict;
  /** Sleeps before a retry while waiting; ends early when the judgement changes; rejects with ABORTED when `signal` fires. */
  pause(ms: number, signal: AbortSignal | undefined, method: string): Promise<void>;
  /** Calls `listener` on every change; answers a function that stops it. */
  subscribe(listener: ReachabilityListener): () => void;
}

/** Options of {@link createReachability}. */
export interface ReachabilityOptions {
  /** Default: {@link outageWindowMs} of the default timeout (30 s). */
  windowMs?: number;
  /** Clock in epoch ms (tests). */
  now?: () => number;
}

/** How long a run waits for pCloud: 15 s per second of `timeout`, 30 s by default. */
export function outageWindowMs(timeoutSeconds: number = DEFAULT_TIMEOUT): number {
  return 15_000 * timeoutSeconds;
}

/** Creates a judgement that starts out reachable and waits for nothing until the first answer. */
export function createReachability(options: ReachabilityOptions = {}): Reachability {
  const windowMs = options.windowMs ?? outageWindowMs();
  if (!Number.isFinite(windowMs) || windowMs < 0)
    throw new PCloudError('USAGE_ERROR', `Invalid outage window ${windowMs}: expected a non-negative number of ms.`);
  const now = options.now ?? Date.now;
  const listeners = new Set<ReachabilityListener>();
  const verdicts = new WeakMap<object, FailureVerdict>();
  const pending = new Set<{ at: number }>();
  let state: ReachabilityState = { kind: 'reachable' };
  let everReached = false;
  let failingSince: number | undefined;

  const change = (next: ReachabilityState): void => {
    const previous = state;
    state = next;
    for (const listener of [...listeners]) listener(next, previous);
  };

  const judge = (error: unknown, host: string | undefined): FailureVerdict => {
    if (!(error instanceof TransportError) || !everReached) return 'own';
    const at = now();
    failingSince ??= at;
    if (state.kind === 'unreachable') return 'give-up';
    const unreachable = unreachableReason(error, host);
    if (state.kind === 'reachable') {
      if (unreachable === undefined) return 'own';
      change({ kind: 'waiting', since: failingSince, ...unreachable });
    } else if (unreachable !== undefined) {
      // The cause shown while waiting follows the latest failure; no news for listeners.
      state = { ...state, ...unreachable };
    }
    if (state.kind === 'waiting' && at - state.since >= windowMs) {
      change({ ...state, kind: 'unreachable' });
      return 'give-up';
    }
    return 'wait';
  };

  return {
    windowMs,
    get state() {
      return state;
    },
    get retryAt() {
      let soonest: number | undefined;
      for (const { at } of pending) soonest = soonest === undefined ? at : Math.min(soonest, at);
      return soonest;
    },
    reached() {
      everReached = true;
      failingSince = undefined;
      if (state.kind !== 'reachable') change({ kind: 'reachable' });
    },
    failed(error, host) {
      const known = typeof error === 'object' && error !== null ? verdicts.get(error) : undefined;
      if (known !== undefined) return known;
      const verdict = judge(error, host);
      if (typeof error === 'object' && error !== null) verdicts.set(error, verdict);
      return verdict;
    },
    pause(ms, signal, method) {
      return new Promise((resolve, reject) => {
        const entry = { at: now() + ms };
        const finish = (): void => {
          clearTimeout(timer);
          pending.delete(entry);
          listeners.delete(wake);
          signal?.removeEventListener('abort', aborted);
        };
        const wake = (): void => {
          finish();
          resolve();
        };
        const aborted = (): void => {
          finish();
          reject(new PCloudError('ABORTED', `${method}: the call was aborted.`));
        };
        const timer = setTimeout(wake, ms);
        pending.add(entry);
        listeners.add(wake);
        if (signal?.aborted) aborted();
        else signal?.addEventListener('abort', aborted, { once: true });
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
