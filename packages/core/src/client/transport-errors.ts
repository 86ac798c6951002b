/**
 * Error mapping shared by every transport: a wire failure becomes a TransportError whose
 * message names the method and the failure, never the request (a socket's or an HTTP library's
 * error may carry the request and its headers, so the original error is not kept as the cause;
 * only its code and redacted message are).
 */
import { ApiError, PCloudError, TransportError, isPCloudError } from '../errors.js';
import { redact } from '../redact.js';

/** Socket-level failures after which the same request may succeed on a new connection. */
const RETRYABLE_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ERR_STREAM_PREMATURE_CLOSE',
  // The connection closed before the announced body was complete (cut mid-response).
  'ERR_HTTP_CONTENT_LENGTH_MISMATCH',
  'ERR_GOT_REQUEST_ERROR',
  'HPE_INVALID_CONSTANT',
]);

/** What is kept of a wire error: where it happened helps to tell the user which server failed to answer. */
type WireCause = Error & { code?: string; address?: string; port?: number; hostname?: string; event?: string };

/** got's own error classes, which wrap the socket's error as their `cause` (and carry the request's options). */
const GOT_ERRORS = new Set(['RequestError', 'ReadError', 'UploadError', 'TimeoutError', 'MaxRedirectsError', 'CacheError', 'HTTPError']);

/** The error got wrapped, or undefined for any other error. */
function gotCause(error: unknown): Record<string, unknown> | undefined {
  const { name, cause } = (error ?? {}) as { name?: unknown; cause?: unknown };
  return typeof name === 'string' && GOT_ERRORS.has(name) && typeof cause === 'object' && cause !== null
    ? (cause as Record<string, unknown>)
    : undefined;
}

/** A plain stand-in for a wire error: its code, where it happened and a redacted message, nothing else. */
function sanitizedCause(error: unknown): WireCause {
  const source = error as Record<string, unknown> | undefined;
  const inner = gotCause(error);
  // A connection to a name with several addresses fails with an AggregateError of one error per address.
  const first = ((source?.errors ?? inner?.errors) as unknown[] | undefined)?.[0] as Record<string, unknown> | undefined;
  const cause: WireCause = new Error(redact(String(source?.message || first?.message || error)));
  if (typeof source?.code === 'string') cause.code = source.code;
  for (const key of ['address', 'hostname', 'event'] as const) {
    const value = source?.[key] ?? inner?.[key] ?? first?.[key];
    if (typeof value === 'string') cause[key] = value;
  }
  const port = source?.port ?? inner?.port ?? first?.port;
  if (typeof port === 'number') cause.port = port;
  return cause;
}

/** Maps anything a transport's I/O threw to a TransportError (or an `ABORTED` PCloudError). */
export function toTransportError(method: string, error: unknown, signal?: AbortSignal): PCloudError {
  if (isPCloudError(error)) return error;
  // Ours, wrapped by got as it destroyed the request with it (an answer over the bound, say).
  const inner = gotCause(error);
  if (isPCloudError(inner)) return inner;
  if (signal?.aborted || (error as { name?: string })?.name === 'AbortError') {
    return new PCloudError('ABORTED', `${method}: the call was aborted.`);
  }
  const cause = sanitizedCause(error);
  const code = cause.code ?? '';
  const isTimeout = (error as { name?: string })?.name === 'TimeoutError' || code === 'ETIMEDOUT';
  if (isTimeout) {
    const event = (error as { event?: string }).event;
    return new TransportError(`${method}: no answer in time${event ? ` (${event} timeout)` : ''}.`, { cause, timeout: true });
  }
  return new TransportError(`${method}: connection failed: ${cause.message}`, { cause });
}

/** An HTTP answer that carries no pCloud result. */
export function httpStatusError(method: string, status: number): TransportError {
  const what = status >= 200 && status < 300 ? 'an answer that is not a pCloud JSON object' : `HTTP status ${status}`;
  return new TransportError(`${method}: the server sent ${what}.`, { status });
}

/**
 * Whether a failure is transient (pcloud-api.md §1.4): results 4000–5999, HTTP 429 and 5xx,
 * timeouts, and dropped or refused connections.
 */
export function isTransientError(error: unknown): boolean {
  if (error instanceof ApiError) return error.isRetryable;
  if (!(error instanceof TransportError)) return false;
  if (error.status !== undefined) return error.status === 429 || error.status >= 500;
  if (error.code === 'TIMEOUT') return true;
  const code = (error.cause as { code?: string } | undefined)?.code;
  return code !== undefined && RETRYABLE_CODES.has(code);
}
