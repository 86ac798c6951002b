/**
 * One POST (or PUT of a raw upload body) over node:http(s) and a keep-alive agent, with got's
 * timeout phases (request-timeouts.ts). API calls are small and many, and got's per-request
 * machinery cost about three times the CPU of the request itself, which capped a burst of calls
 * far below what the connection carries.
 */
import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { watchRequest } from './request-timeouts.js';

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

const DECODERS: Record<string, (data: Buffer) => Promise<Buffer>> = {
  gzip: promisify(zlib.gunzip),
  'x-gzip': promisify(zlib.gunzip),
  deflate: promisify(zlib.inflate),
  br: promisify(zlib.brotliDecompress),
};

/** Sends a POST (or PUT) to `url`; rejects with the wire error, a TimeoutError or the signal's AbortError. */
export function postRequest(url: URL, options: PostOptions): Promise<PostResponse> {
  return new Promise((resolve, reject) => {
    const { body } = options;
    const total = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
    const request = (url.protocol === 'https:' ? https : http).request(url, {
      method: options.method ?? 'POST',
      agent: options.agent,
      headers: { ...options.headers, 'accept-encoding': 'gzip, deflate, br', 'content-length': String(total) },
      ...(options.signal ? { signal: options.signal } : {}),
    });
    let settled = false;
    let disarm = (): void => undefined;
    const finish = (): boolean => {
      if (settled) return false;
      settled = true;
      disarm();
      return true;
    };
    const fail = (error: Error): void => {
      if (!finish()) return;
      request.destroy(error);
      if (typeof body !== 'string') body.stream.destroy();
      reject(error);
    };
    request.on('error', fail);
    disarm = watchRequest(request, url, options, fail);
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
