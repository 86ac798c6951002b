/**
 * One POST (or PUT of a raw upload body) over node:http(s) and a keep-alive agent, with got's
 * timeout phases (request-timeouts.ts). API calls are small and many, and got's per-request
 * machinery cost about three times the CPU of the request itself, which capped a burst of calls
 * far below what the connection carries.
 */
import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import type { AnswerCollector } from './answer-limit.js';
import { watchRequest } from './request-timeouts.js';
import type { BodySource } from './transport.js';

/** What to send: the body is a string or a stream of exactly `length` bytes. */
export interface PostOptions {
  /** POST unless given. */
  method?: 'POST' | 'PUT';
  agent: http.Agent;
  headers: Record<string, string>;
  body: string | { stream: BodySource; length: number };
  /** Limit of each of DNS lookup, TCP connect and TLS handshake (ms). */
  connectTimeoutMs: number;
  /** Longest silence on the connection while the call is in flight (ms). */
  idleTimeoutMs: number;
  signal?: AbortSignal;
  onProgress?: (transferred: number, total: number) => void;
  /** Takes the answer's body, and refuses one that is too large. */
  answer: AnswerCollector;
}

/** The HTTP status and the decoded body text. */
export interface PostResponse {
  status: number;
  text: string;
}

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
    // Stops reading the body: destroys a Readable, or ends the pull loop of a lent source.
    let stopBody = (): void => undefined;
    const finish = (): boolean => {
      if (settled) return false;
      settled = true;
      disarm();
      return true;
    };
    const fail = (error: Error): void => {
      if (!finish()) return;
      request.destroy(error);
      stopBody();
      reject(error);
    };
    request.on('error', fail);
    disarm = watchRequest(request, url, options, fail);
    request.once('response', (response) => {
      const { answer } = options;
      const take = (chunk: Buffer): void => {
        try {
          answer.add(chunk);
        } catch (error) {
          fail(error as Error);
        }
      };
      try {
        answer.announce(response.headers['content-length']);
      } catch (error) {
        return fail(error as Error);
      }
      response.on('data', take);
      response.once('error', fail);
      response.once('end', () => {
        if (!finish()) return;
        // An answer before the whole upload was read: stop sending it, as the connection cannot be
        // reused mid-body. Once end() is called, Node pools the socket when the last write flushes.
        if (!request.writableEnded) {
          request.destroy();
          stopBody();
        }
        answer.text(response.headers['content-encoding']).then((text) => resolve({ status: response.statusCode ?? 0, text }), reject);
      });
    });

    const report = options.onProgress;
    report?.(0, total);
    if (typeof body === 'string') {
      request.end(body, () => report?.(total, total));
      return;
    }
    const onWritten = (bytes: number): void => report?.(bytes, total);
    if (body.stream instanceof Readable) {
      const stream = body.stream;
      stopBody = () => stream.destroy();
      sendReadable(request, stream, onWritten, fail);
    } else {
      const lent = sendLent(request, body.stream, onWritten, () => settled);
      stopBody = lent.stop;
      lent.done.catch(fail);
    }
  });
}

/** Sends a Readable's chunks with backpressure (they are ours to keep, so several may be queued). */
function sendReadable(
  request: http.ClientRequest,
  stream: Readable,
  onWritten: (bytes: number) => void,
  fail: (error: Error) => void,
): void {
  let transferred = 0;
  stream.on('data', (chunk: Buffer) => {
    const more = request.write(chunk, () => {
      transferred += chunk.length;
      onWritten(transferred);
    });
    if (!more) {
      stream.pause();
      request.once('drain', () => stream.resume());
    }
  });
  stream.once('end', () => request.end());
  stream.once('error', fail);
}

/**
 * Sends a lent source (transport.ts): each chunk is written completely before the next is
 * pulled. `stop` ends the loop at once (the request failed, so a pending write callback may
 * never come) and lets the source close (its `return`), e.g. a file handle.
 */
function sendLent(
  request: http.ClientRequest,
  source: AsyncIterable<Uint8Array>,
  onWritten: (bytes: number) => void,
  stopped: () => boolean,
): { done: Promise<void>; stop: () => void } {
  let release = (): void => undefined;
  const stop = (): void => release();
  const done = (async () => {
    let transferred = 0;
    for await (const chunk of source) {
      if (stopped()) return;
      await new Promise<void>((resolve) => {
        release = resolve;
        request.write(chunk, () => resolve());
      });
      if (stopped()) return;
      transferred += chunk.length;
      onWritten(transferred);
    }
    request.end();
  })();
  return { done, stop };
}
