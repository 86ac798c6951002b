/**
 * The transport-neutral dispatcher: both front ends (HTTP and binary) hand it a decoded call and
 * write out what it returns. Order of checks (pcloud-api.md §8.2): method exists (else close the
 * connection) → faults → credentials (1000 / 2000 / 2094, sticky per connection) → 2026
 * restrictions for OAuth callers → the method. Then `id` echo, time format, metadata filters.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { resultMessage } from '@pcloud/core/internal';
import { commitOpenFile } from '../state/descriptors.js';
import type { EmulatorState } from '../state/emulator-state.js';
import type { FaultAction } from '../faults.js';
import { renderDates } from './api-date.js';
import { hasCredentials, readCredentials } from './credentials.js';
import { applyFilter, updateFilter } from './response-filters.js';
import { ApiFailure } from './api-failure.js';
import type { Caller } from '../state/identity-types.js';
import type { ConnectionState, MethodCall, MethodResult, MethodSpec } from './types.js';

/** A decoded call, plus the Bearer token when the transport has headers. */
export interface DispatchRequest extends MethodCall {
  bearer?: string;
}

/** What the front end must do: close the connection, or send the (fully rendered) answer. */
export type DispatchOutcome =
  | { kind: 'close' }
  | {
      kind: 'answer';
      result: number;
      body: Record<string, unknown>;
      data?: MethodResult['data'];
      /** Fault injection: cut the connection halfway through the answer. */
      resetMidResponse: boolean;
    };

/** Dispatches calls against a state and a method table. */
export interface Dispatcher {
  /** True when the method exists (front ends close the connection early otherwise, before reading a body). */
  knows(method: string): boolean;
  dispatch(request: DispatchRequest): Promise<DispatchOutcome>;
  /** A connection went away: its open files are closed (written content is kept). Front ends call this once. */
  disconnect(connection: ConnectionState): Promise<void>;
}

function failureBody(error: unknown): { result: number; body: Record<string, unknown> } {
  if (error instanceof ApiFailure) {
    const generic = error.message === `pCloud error ${error.result}`;
    return {
      result: error.result,
      body: { result: error.result, error: generic ? resultMessage(error.result) : error.message, ...error.extra },
    };
  }
  // A bug in a handler must not take the server down: answer as pCloud does for internal errors.
  return { result: 5000, body: { result: 5000, error: resultMessage(5000) } };
}

function authenticate(state: EmulatorState, spec: MethodSpec, request: DispatchRequest): Caller | undefined {
  if (spec.auth === 'none') return undefined;
  const { connection, params } = request;
  if (params.has('logout') && params.get('logout') !== '0') delete connection.boundCaller;
  const credentials = readCredentials(params, request.bearer, connection.remoteAddress);
  if (!hasCredentials(credentials)) {
    const bound = connection.boundCaller;
    // A connection stays logged in (§1.2) only while its token exists (logout/deletetoken end it).
    if (bound && (state.stickyAuth || connection.stickyAuth) && state.identity.tokens.has(bound.tokenId)) return bound;
    delete connection.boundCaller;
    if (spec.auth === 'required') throw new ApiFailure(1000);
    return undefined;
  }
  const check = state.identity.check(credentials, state.now());
  if (!check.ok) throw new ApiFailure(check.result);
  const caller: Caller = { account: check.account, kind: check.token.kind, tokenId: check.token.tokenid, scope: check.token.scope };
  connection.boundCaller = caller;
  return caller;
}

/** Creates the dispatcher for a state and its method table. */
export function createDispatcher(state: EmulatorState, table: ReadonlyMap<string, MethodSpec>): Dispatcher {
  const dispatch = async (request: DispatchRequest): Promise<DispatchOutcome> => {
    const spec = table.get(request.method);
    if (!spec) return { kind: 'close' };
    const fault = state.faults.decide(request.method);
    try {
      return await respond(spec, request, fault);
    } finally {
      fault.release();
    }
  };
  const respond = async (spec: MethodSpec, request: DispatchRequest, fault: FaultAction): Promise<DispatchOutcome> => {
    if (fault.latencyMs > 0) await sleep(fault.latencyMs, undefined, { signal: request.signal }).catch(() => undefined);
    if (fault.reset === 'request') return { kind: 'close' };
    updateFilter(request.params, request.connection);
    let outcome: { result: number; body: Record<string, unknown>; data?: MethodResult['data'] };
    try {
      if (fault.failResult !== undefined) throw new ApiFailure(fault.failResult);
      const caller = authenticate(state, spec, request);
      if (caller?.kind === 'oauth' && state.restricted && spec.refuseOAuth !== undefined) throw new ApiFailure(spec.refuseOAuth);
      const answer = await spec.handler({ ...request, state, caller });
      outcome = { result: 0, body: { result: 0, ...answer.body }, data: answer.data };
    } catch (error) {
      outcome = failureBody(error);
    }
    const id = request.params.get('id');
    if (id !== undefined) outcome.body.id = id;
    renderDates(outcome.body, request.params.get('timeformat') === 'timestamp');
    applyFilter(outcome.body, request.connection.filterMeta);
    return { kind: 'answer', ...outcome, resetMidResponse: fault.reset === 'response' };
  };
  const disconnect = async (connection: ConnectionState): Promise<void> => {
    const open = connection.descriptors?.all() ?? [];
    delete connection.descriptors;
    for (const [, file] of open) {
      const account = state.identity.accounts.get(file.userid);
      await commitOpenFile(state, file, account?.locationid === 1 ? 'md5' : 'sha256').catch(() => undefined);
    }
  };
  return { knows: (method) => table.has(method), dispatch, disconnect };
}
