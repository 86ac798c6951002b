/**
 * One API request through got's stream interface: the body (a string, a Readable, or a lent
 * source that got writes chunk by chunk, each write finished before the next is pulled) goes
 * with its real Content-Length, and the answer's raw bytes go into an AnswerCollector as they
 * arrive, so an answer never grows memory past its bound. The stream interface, not got's
 * promise: the promise buffers the whole body first, with no bound.
 */
import type { Got } from 'got';
import type { AnswerCollector } from './answer-limit.js';
import type { BodySource } from './transport.js';

/** What to send: the body is a string or a source of exactly `length` bytes. */
export interface GotRequestOptions {
  method: 'POST' | 'PUT';
  headers: Record<string, string>;
  body: string | { stream: BodySource; length: number };
  /** Overrides the instance's idle timeout (ms). */
  idleTimeoutMs?: number;
  signal?: AbortSignal;
  onProgress?: (transferred: number, total: number) => void;
  /** Takes the answer's body, and refuses one that is too large. */
  answer: AnswerCollector;
}

/** The HTTP status and the decoded body text. */
export interface GotAnswer {
  status: number;
  text: string;
}

/** Sends a request to `url`; rejects with got's error (or the answer bound's TransportError). */
export async function gotRequest(instance: Got, url: URL, options: GotRequestOptions): Promise<GotAnswer> {
  const { body, answer } = options;
  const total = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
  // A string body is written to got's stream, not given as its `body` option: got checks a `body`
  // against the global FormData, whose first read loads undici (measured: 5–20 ms of a `pcutil ls`).
  const request = instance.stream(url, {
    method: options.method,
    headers: { ...options.headers, 'accept-encoding': 'gzip, deflate, br', 'content-length': String(total) },
    ...(typeof body === 'string' ? {} : { body: body.stream as never }),
    ...(options.idleTimeoutMs !== undefined ? { timeout: { socket: options.idleTimeoutMs } } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (typeof body === 'string') request.end(body);
  // got wraps an error it is destroyed with; the bound's own error is the one to report.
  let refused: Error | undefined;
  const refuse = (error: unknown): void => {
    refused = error as Error;
    request.destroy(refused);
  };
  let status = 0;
  let encoding: string | undefined;
  request.once('response', (response: { statusCode: number; headers: Record<string, string | string[] | undefined> }) => {
    status = response.statusCode;
    encoding = response.headers['content-encoding'] as string | undefined;
    try {
      answer.announce(response.headers['content-length'] as string | undefined);
    } catch (error) {
      refuse(error);
    }
  });
  const report = options.onProgress;
  if (report) {
    report(0, total);
    request.on('uploadProgress', (progress: { transferred: number }) => report(progress.transferred, total));
  }
  // Events rather than an async iterator: measurably less work per call in a burst of small ones.
  await new Promise<void>((resolve, reject) => {
    request.on('data', (chunk: Buffer) => {
      try {
        answer.add(chunk);
      } catch (error) {
        refuse(error);
      }
    });
    request.once('error', (error: Error) => reject(refused ?? error));
    request.once('end', resolve);
  }).finally(() => {
    // An answer before the whole upload was sent: stop sending it (the connection cannot be reused mid-body).
    if (!request.writableFinished) request.destroy();
  });
  return { status, text: await answer.text(encoding) };
}
