/**
 * A retry loop's side of the run's reachability judgement (reachability.ts): after a failed
 * attempt, either wait for the server and try again, stop because it is judged gone, or leave
 * the decision to the loop's own retry policy. Every loop that retries calls uses it: the
 * client's, and the listing, chunk-writing ones that count or resume their own attempts.
 */
import type { LogKind } from './logger.js';
import type { Reachability } from './reachability.js';
import { backoffDelay, type RetryOptions } from './retry.js';
import type { TransportSettings } from './transport.js';

/** What comes after a failed attempt: `again` (waited; try now), `stop` (the server is gone) or `own` (the loop's policy decides). */
export type AfterFailure = 'again' | 'stop' | 'own';

/** One call's waiting for the server. */
export interface ServerWait {
  /** Decides after a failed attempt; `repeatable` false when the call must not be sent twice (it waits for nothing then). */
  afterFailure(error: unknown, repeatable?: boolean): Promise<AfterFailure>;
}

/** What a wait needs of a client. */
export interface WaitingClient {
  readonly reachability: Reachability;
  readonly retry: Readonly<RetryOptions>;
  readonly settings: Pick<TransportSettings, 'endpoint'> & { log(line: string, kind?: LogKind): void };
}

/** Starts the waiting of one call of `method`; create one per call, as it bounds that call's own wait. */
export function createServerWait(client: WaitingClient, method: string, signal?: AbortSignal): ServerWait {
  const { reachability, retry, settings } = client;
  let waits = 0;
  let firstWait: number | undefined;
  return {
    async afterFailure(error, repeatable = true) {
      const verdict = reachability.failed(error, settings.endpoint.host);
      if (verdict === 'give-up') return 'stop';
      if (verdict === 'own' || !repeatable || retry.retries === 0) return 'own';
      const at = Date.now();
      firstWait ??= at;
      // However the run fares, one call waits no longer than the window (its host may differ).
      if (at - firstWait > reachability.windowMs) return 'own';
      waits += 1;
      const delay = backoffDelay(waits, retry);
      const state = reachability.state;
      const why = state.kind === 'reachable' ? '' : ` (${state.reason})`;
      settings.log(`${method} retry in ${delay} ms, waiting for pCloud${why}: ${(error as Error).message}`, 'retry');
      await reachability.pause(delay, signal, method);
      return reachability.state.kind === 'unreachable' ? 'stop' : 'again';
    },
  };
}
