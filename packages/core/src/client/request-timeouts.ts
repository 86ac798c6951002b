/**
 * got's timeout phases for a plain node:http(s) request: lookup, TCP connect and TLS handshake
 * of a new connection each get the connect timeout; the whole exchange gets an idle (socket)
 * timeout. Shared by the API calls (post-request.ts) and downloads (fetch-range.ts).
 */
import type { ClientRequest } from 'node:http';
import { isIP } from 'node:net';

/** A timeout of one phase, shaped like got's (`name`, `code`, `event`) for the error mapping. */
export class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
  readonly code = 'ETIMEDOUT';
  constructor(
    readonly event: string,
    ms: number,
  ) {
    super(`Timeout awaiting '${event}' for ${ms}ms`);
  }
}

const armable = (ms: number): boolean => Number.isFinite(ms) && ms >= 0 && ms <= 2_147_483_647;

/** The limits of one request, in milliseconds. */
export interface RequestTimeouts {
  /** Limit of each of DNS lookup, TCP connect and TLS handshake. */
  connectTimeoutMs: number;
  /** Longest silence on the connection while the request is in flight. */
  idleTimeoutMs: number;
}

/**
 * Calls `fail` with a TimeoutError when a phase of `request` to `url` takes too long; answers a
 * function that disarms the connection timers (the idle timeout ends with the request).
 */
export function watchRequest(request: ClientRequest, url: URL, timeouts: RequestTimeouts, fail: (error: TimeoutError) => void): () => void {
  const { connectTimeoutMs: connectMs, idleTimeoutMs: idleMs } = timeouts;
  const timers: NodeJS.Timeout[] = [];
  const arm = (event: string, ms: number): (() => void) => {
    if (!armable(ms)) return () => undefined;
    const timer = setTimeout(() => fail(new TimeoutError(event, ms)), ms).unref();
    timers.push(timer);
    return () => clearTimeout(timer);
  };
  request.setTimeout(idleMs, () => fail(new TimeoutError('socket', idleMs)));
  request.once('socket', (socket) => {
    if (!socket.connecting) return; // a pooled connection: only the idle timeout applies
    const onConnect = (): void => {
      socket.once('connect', arm('connect', connectMs));
      if (url.protocol === 'https:') socket.once('connect', () => socket.once('secureConnect', arm('secureConnect', connectMs)));
    };
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) !== 0 || (socket.address() as { address?: string }).address !== undefined) onConnect();
    else {
      const lookupDone = arm('lookup', connectMs);
      socket.once('lookup', (error: Error | null) => {
        lookupDone();
        if (!error) onConnect();
      });
    }
  });
  return () => {
    for (const timer of timers) clearTimeout(timer);
  };
}
