/**
 * One POST (or PUT of a raw upload body) over node:http(s) and a keep-alive agent, with got's timeout phases: lookup, connect
 * and TLS handshake of a new connection, then an idle (socket) timeout for the whole exchange.
 * API calls are small and many, and got's per-request machinery cost about three times the CPU
 * of the request itself, which capped a burst of calls far below what the connection carries.
 */
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import type { Readable } from 'node:stream';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

/** What to send: the body is a string or a stream of exactly `length` bytes. */
export interface PostOptions {
  /** POST unless given. */
  method?: 'POST' | 'PUT';
  agent: http.Agent;
  headers: Record<string, string>;
  body: string | { stream: Readable; length: number };
  /** Limit of each of DNS lookup, TCP connect and TLS handshake (ms). */
  connectTimeoutMs: number;
  /** Longest silence on the connection while the call is in flight (ms). */
  idleTimeoutMs: number;
  signal?: AbortSignal;
  onProgress?: (transferred: number, total: number) => void;
}

/** The HTTP status and the decoded body text. */
export interface PostResponse {
  status: number;
  text: string;
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

const DECODERS: Record<string, (data: Buffer) => Promise<Buffer>> = {
  gzip: promisify(zlib.gunzip),
  'x-gzip': promisify(zlib.gunzip),
  deflate: promisify(zlib.inflate),
  br: promisify(zlib.brotliDecompress),
};

const armable = (ms: number): boolean => Number.isFinite(ms) && ms >= 0 && ms <= 2_147_483_647;

/** Sends a POST (or PUT) to `url`; rejects with the wire error, a TimeoutError or the signal's AbortError. */
export function postRequest(url: URL, options: PostOptions): Promise<PostResponse> {
  return new Promise((resolve, reject) => {
    const { body, connectTimeoutMs: connectMs } = options;
    const total = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
    const request = (url.protocol === 'https:' ? https : http).request(url, {
      method: options.method ?? 'POST',
      agent: options.agent,
      headers: { ...options.headers, 'accept-encoding': 'gzip, deflate, br', 'content-length': String(total) },
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const timers: NodeJS.Timeout[] = [];
    let settled = false;
    const finish = (): boolean => {
      if (settled) return false;
      settled = true;
      for (const timer of timers) clearTimeout(timer);
      return true;
    };
    const fail = (error: Error): void => {
      if (!finish()) return;
      request.destroy(error);
      if (typeof body !== 'string') body.stream.destroy();
      reject(error);
    };
    const arm = (event: string, ms: number): (() => void) => {
      if (!armable(ms)) return () => undefined;
      const timer = setTimeout(() => fail(new TimeoutError(event, ms)), ms).unref();
      timers.push(timer);
      return () => clearTimeout(timer);
    };

    request.on('error', fail);
    request.setTimeout(options.idleTimeoutMs, () => fail(new TimeoutError('socket', options.idleTimeoutMs)));
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
    request.once('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.once('error', fail);
      response.once('end', () => {
        if (!finish()) return;
        // An answer before the whole upload was read: stop sending it, as the connection cannot be
        // reused mid-body. Once end() is called, Node pools the socket when the last write flushes.
        if (!request.writableEnded) {
          request.destroy();
          if (typeof body !== 'string') body.stream.destroy();
        }
        const raw = Buffer.concat(chunks);
        const decode = DECODERS[String(response.headers['content-encoding'] ?? '').trim().toLowerCase()];
        (decode ? decode(raw) : Promise.resolve(raw)).then((data) => resolve({ status: response.statusCode ?? 0, text: data.toString('utf8') }), reject);
      });
    });

    const report = options.onProgress;
    report?.(0, total);
    if (typeof body === 'string') {
      request.end(body, () => report?.(total, total));
      return;
    }
    let transferred = 0;
    body.stream.on('data', (chunk: Buffer) => {
      const more = request.write(chunk, () => {
        transferred += chunk.length;
        report?.(transferred, total);
      });
      if (!more) {
        body.stream.pause();
        request.once('drain', () => body.stream.resume());
      }
    });
    body.stream.once('end', () => request.end());
    body.stream.once('error', fail);
  });
}
