/**
 * One GET of a download URL from a byte offset (`Range`). Content hosts need no credentials — the
 * path is the capability — so none are sent. The body is handed over as the response itself, read
 * with backpressure. It goes over the client's keep-alive agents (client/got-instance.ts: its CA),
 * with got's timeout phases re-made below (lookup, TCP connect, TLS handshake: the connect timeout
 * each; the whole exchange: the idle timeout), its user agent and its `--debug` trace lines.
 *
 * The one HTTP path not on got (issue 17 allows this when got cannot meet a speed goal of issue 18).
 * Measured, 200 × 4 KiB down from the emulator with 30 ms latency (`PCUTIL_BENCH_QUICK=1
 * PCUTIL_BENCH_ROWS=latency-down pnpm bench transfer`), runs alternating on a loaded 2-core machine:
 * MEASUREMENT_PLACEHOLDER
 */
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import type { Readable } from 'node:stream';
import type { PCloudClient } from '../../client/create-client.js';
import { armable, gotFor } from '../../client/got-instance.js';
import { isSilent } from '../../client/silent-log.js';
import { toTransportError } from '../../client/transport-errors.js';
import type { PCloudError } from '../../errors.js';

/** A content host's answer: its status, the offset its body starts at, and the body. */
export interface RangeResponse {
  status: number;
  /** Where the body starts in the file: 0 for a 200, the Content-Range start for a 206. */
  start: number;
  body: Readable;
}

/** A timeout of one phase, shaped like got's (`name`, `code`, `event`) for the error mapping. */
class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
  readonly code = 'ETIMEDOUT';
  constructor(
    readonly event: string,
    ms: number,
  ) {
    super(`Timeout awaiting '${event}' for ${ms}ms`);
  }
}

/** Starts a GET of `url` from byte `from`; rejects with a TransportError (or ABORTED) when no answer comes. */
export async function fetchRange(client: PCloudClient, url: string, from: number, signal: AbortSignal | undefined): Promise<RangeResponse> {
  const { settings } = client;
  const { agents } = await gotFor(settings);
  const target = new URL(url);
  const secure = target.protocol === 'https:';
  const log = isSilent(settings.log) ? undefined : settings.log;
  const range = from > 0 ? `bytes=${from}-` : undefined;
  // The host only: a download path is a capability.
  log?.(`download GET ${target.host}${range ? ` ${range}` : ''}`);
  return new Promise((resolve, reject) => {
    const request = (secure ? https : http).get(target, {
      agent: secure ? agents.https : agents.http,
      headers: { 'user-agent': settings.userAgent, ...(range ? { range } : {}) },
      ...(signal ? { signal } : {}),
    });
    let response: http.IncomingMessage | undefined;
    let failed = false;
    const timers: NodeJS.Timeout[] = [];
    const disarm = (): void => {
      for (const timer of timers) clearTimeout(timer);
    };
    // Before the answer the promise rejects; after it, the body's reader gets the error.
    const fail = (error: Error): void => {
      if (failed) return;
      failed = true;
      disarm();
      log?.(`GET ${target.host} failed: ${(error as { code?: string }).code}`);
      if (response) response.destroy(error);
      else reject(toTransportError('download', error, signal));
      request.destroy(error);
    };
    request.on('error', fail);
    const arm = (event: string, ms: number): (() => void) => {
      if (!armable(ms)) return () => undefined;
      const timer = setTimeout(() => fail(new TimeoutError(event, ms)), ms).unref();
      timers.push(timer);
      return () => clearTimeout(timer);
    };
    const { connectTimeoutMs: connectMs, idleTimeoutMs: idleMs } = settings;
    if (armable(idleMs)) request.setTimeout(idleMs, () => fail(new TimeoutError('socket', idleMs)));
    request.once('socket', (socket) => {
      if (!socket.connecting) return; // a pooled connection: only the idle timeout applies
      const onConnect = (): void => {
        socket.once('connect', arm('connect', connectMs));
        if (secure) socket.once('connect', () => socket.once('secureConnect', arm('secureConnect', connectMs)));
      };
      const host = target.hostname.replace(/^\[|\]$/g, '');
      if (isIP(host) !== 0 || (socket.address() as { address?: string }).address !== undefined) onConnect();
      else {
        const lookupDone = arm('lookup', connectMs);
        socket.once('lookup', (error: Error | null) => {
          lookupDone();
          if (!error) onConnect();
        });
      }
    });
    request.once('response', (answer) => {
      response = answer;
      // Connected: only the idle timeout stays, for the rest of the body.
      disarm();
      // An error before anyone reads the body stays on the stream for its reader, not unhandled.
      answer.on('error', () => undefined);
      const status = answer.statusCode ?? 0;
      const start = /^bytes (\d+)-/.exec(String(answer.headers['content-range'] ?? ''));
      resolve({ status, start: status === 206 && start ? Number(start[1]) : 0, body: answer });
    });
  });
}

/** Maps an error thrown while reading a body to a TransportError (or ABORTED). */
export function bodyError(error: unknown, signal: AbortSignal | undefined): PCloudError {
  return toTransportError('download', error, signal);
}
