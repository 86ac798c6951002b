/**
 * How every tool tells the user about a run's wait for pCloud (client/reachability.ts): a live
 * status on a terminal's progress line, or else one line when the wait begins and one when pCloud
 * answers again; and the words of the closing line once the server is judged gone.
 */
import type { Reachability } from '../client/reachability.js';

/** Where news of the server's reachability goes. */
export interface ReachabilityView {
  /** Prints one line as given, without tearing a live status apart. */
  line(text: string): void;
  /** Shows a live status while waiting (a progress line on a terminal), cleared with undefined; without it, lines only. */
  status?(text: (() => string) | undefined): void;
}

/** A wall-clock time, `14:03:12`. */
const clock = (at: number): string => new Date(at).toTimeString().slice(0, 8);

/** A whole number of seconds (at least 1), `30 s`. */
const seconds = (ms: number): string => `${Math.max(1, Math.round(ms / 1000))} s`;

/** The live status while waiting: `waiting for pCloud (connection refused), retry in 4 s`. */
export function waitingStatus(reachability: Reachability, now: number = Date.now()): string {
  const { state, retryAt } = reachability;
  if (state.kind === 'reachable') return '';
  if (state.kind === 'unreachable') return `pCloud unreachable (${state.reason}), stopping`;
  const retry = retryAt === undefined ? 'retrying' : `retry in ${Math.max(1, Math.ceil((retryAt - now) / 1000))} s`;
  return `waiting for pCloud (${state.reason}), ${retry}`;
}

/** `pCloud has been unreachable since 14:03:12 (connection refused by 127.0.0.1:8080)`. */
export function describeOutage(state: { since: number; detail: string }): string {
  return `pCloud has been unreachable since ${clock(state.since)} (${state.detail})`;
}

/**
 * Keeps `view()` (looked up at each change) told of the waits of `reachability`, its lines
 * starting with `bin: `; answers a function that stops it.
 */
export function reportReachability(
  reachability: Reachability,
  view: () => ReachabilityView,
  bin: string,
  now: () => number = Date.now,
): () => void {
  return reachability.subscribe((state, previous) => {
    const target = view();
    if (state.kind === 'reachable') {
      if (previous.kind === 'reachable') return;
      if (target.status) target.status(undefined);
      else target.line(`${bin}: pCloud answers again after ${seconds(now() - previous.since)}; carrying on`);
    } else if (target.status) {
      target.status(() => waitingStatus(reachability, now()));
    } else if (state.kind === 'waiting') {
      target.line(
        `${bin}: pCloud unreachable since ${clock(state.since)} (${state.detail}); waiting up to ${seconds(reachability.windowMs)} for it to answer again`,
      );
    }
  });
}
