/**
 * The client: one primitive, `call(method, params, options)`, typed by the method table.
 * It checks pCloud's `result`, retries transient failures of calls that are safe to repeat,
 * logs redacted lines, and turns answers into one shape whatever the transport.
 */
import { ApiError, PCloudError } from '../errors.js';
import { redactParams } from '../redact.js';
import { resolveTransportSettings, type ClientOptions } from './client-options.js';
import { methodRetryKind, type MethodName, type MethodParams, type MethodResult } from './method-table.js';
import { normalizeAnswer } from './normalize.js';
import { createReachability, outageWindowMs, type Reachability } from './reachability.js';
import { regionHint } from './region.js';
import { createRetryBudget, resolveRetry, sleep, type RetryOptions } from './retry.js';
import { selectTransport } from './select-transport.js';
import { isTransientError } from './transport-errors.js';
import type { BodyFactory, Progress, RequestBody, Transport, TransportSettings, WireAnswer, WireParams } from './transport.js';
import { unreachableReason } from './unreachable-reason.js';
import { createServerWait } from './wait-for-server.js';

/** Options of one call. */
export interface CallOptions {
  /** Upload body; a factory makes the upload safe to retry (a fresh stream per attempt). */
  body?: RequestBody | BodyFactory;
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
  /** Override the method table: `true` retries this call on transient failures, `false` never. */
  retry?: boolean;
  /** Idle timeout for this call in ms (a long server-side operation). */
  timeoutMs?: number;
}

/** Parameters and options of `call`: the parameters may be left out only when none is required. */
export type CallArgs<M extends MethodName> =
  Record<string, never> extends MethodParams<M>
    ? [params?: MethodParams<M>, options?: CallOptions]
    : [params: MethodParams<M>, options?: CallOptions];

/** A pCloud API client. */
export interface PCloudClient {
  /** The API base URL calls go to. */
  readonly endpoint: URL;
  /** The resolved settings (timeouts, CA, user agent, logger) for helpers that open their own connections. */
  readonly settings: Readonly<TransportSettings>;
  /** The transport in use (`http` or `binary`). */
  readonly transport: Transport;
  /** The resolved retry policy, for helpers that retry parts of a transfer themselves. */
  readonly retry: Readonly<RetryOptions>;
  /** Whether pCloud answers, judged across every call of the run (reachability.ts). */
  readonly reachability: Reachability;
  /** Calls a pCloud method; rejects with ApiError for a non-zero `result`, TransportError for wire failures. */
  call<M extends MethodName>(method: M, ...args: CallArgs<M>): Promise<MethodResult<M>>;
  /** Calls a method the table does not list; the answer is untyped. */
  callRaw(method: string, params?: WireParams, options?: CallOptions): Promise<Record<string, unknown>>;
  /** Closes connections. */
  close(): Promise<void>;
}

/** Methods pCloud refuses for OAuth tokens since 2026 with 1000 (pcloud-api.md §7.6). */
const OAUTH_REFUSED = /^(collection_|listtokens$|deletetoken$|trash_|getzip$)/;

/** Creates a client; nothing is sent until the first call. */
export function createClient(options: ClientOptions = {}): PCloudClient {
  const settings = resolveTransportSettings(options);
  const retry = resolveRetry(options.retry);
  const transport = selectTransport(options.transport, settings);
  const reachability = options.reachability ?? createReachability({ windowMs: outageWindowMs(settings.connectTimeoutMs / 1000) });

  function refusesOAuth(method: string, result: number): boolean {
    return result === 1000 && settings.credentials.accessToken !== undefined && OAUTH_REFUSED.test(method);
  }

  function hintFor(method: string, result: number): string | undefined {
    if (result === 2094) return regionHint(settings.endpoint);
    if (refusesOAuth(method, result)) {
      return `pCloud refuses OAuth access tokens for ${method} since April 2026; it needs a legacy auth token.`;
    }
    return undefined;
  }

  async function attempt(method: string, params: WireParams, call: CallOptions, signal: AbortSignal | undefined): Promise<WireAnswer> {
    const body = typeof call.body === 'function' ? await call.body() : call.body;
    const answer = await transport.call(method, params, {
      ...(body ? { body } : {}),
      ...(signal ? { signal } : {}),
      ...(call.onProgress ? { onProgress: call.onProgress } : {}),
      ...(call.timeoutMs !== undefined ? { timeoutMs: call.timeoutMs } : {}),
    });
    reachability.reached();
    const result = Number(answer.result);
    if (result !== 0) {
      const serverMessage = typeof answer.error === 'string' ? answer.error : undefined;
      const hint = hintFor(method, result);
      throw new ApiError(method, Number.isFinite(result) ? result : -1, {
        ...(serverMessage !== undefined ? { serverMessage } : {}),
        ...(hint !== undefined ? { hint } : {}),
        ...(refusesOAuth(method, result) ? { reason: 'oauth-refused' as const } : {}),
      });
    }
    return answer;
  }

  function mayRetry(method: string, call: CallOptions): boolean {
    if (call.retry !== undefined) return call.retry && (call.body === undefined || typeof call.body === 'function');
    const kind = methodRetryKind(method);
    if (kind === 'body') return typeof call.body === 'function';
    return kind === 'safe' && call.body === undefined;
  }

  async function callRaw(method: string, params: WireParams = {}, call: CallOptions = {}): Promise<Record<string, unknown>> {
    const signals = [options.signal, call.signal].filter((s): s is AbortSignal => s !== undefined);
    const signal = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
    const policy: RetryOptions = mayRetry(method, call) ? retry : { ...retry, retries: 0 };
    // A call that never reached the server may be sent again whatever it does, if its body can be.
    const resendable = call.retry !== false && (call.body === undefined || typeof call.body === 'function');
    const wait = createServerWait({ reachability, retry, settings }, method, signal);
    const started = Date.now();
    // The call's own time budget starts again after a wait for the server.
    const budget = createRetryBudget(policy);
    settings.log(`${transport.kind} ${method} ${JSON.stringify(redactParams(params as Record<string, unknown>), bigintText)}`);
    for (let attempts = 1; ; attempts++) {
      try {
        if (signal?.aborted) throw new PCloudError('ABORTED', `${method}: the call was aborted.`);
        const answer = await attempt(method, params, call, signal);
        settings.log(`${method} ok in ${Date.now() - started} ms`);
        const { result: _result, ...fields } = normalizeAnswer(answer) as WireAnswer;
        return fields;
      } catch (error) {
        const repeatable = policy.retries > 0 || (resendable && unreachableReason(error) !== undefined);
        const next = signal?.aborted ? 'stop' : await wait.afterFailure(error, repeatable);
        if (next === 'again') {
          budget.restartClock();
          continue;
        }
        const delay = next === 'stop' || !isTransientError(error) ? undefined : budget.take();
        if (delay === undefined) {
          settings.log(`${method} failed after ${attempts} attempt(s) in ${Date.now() - started} ms: ${(error as Error).message}`);
          throw error;
        }
        settings.log(`${method} retry ${budget.retries}/${policy.retries} in ${delay} ms: ${(error as Error).message}`, 'retry');
        await sleep(delay, signal, method);
      }
    }
  }

  return {
    endpoint: settings.endpoint,
    settings,
    transport,
    retry,
    reachability,
    call: (method, ...[params, call]) => callRaw(method, params as WireParams, call) as Promise<never>,
    callRaw,
    close: () => transport.close(),
  };
}

function bigintText(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}
