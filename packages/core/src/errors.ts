import { reasonOfCode, reasonOfResult, type ErrorReason } from './error-reason.js';
import { redact } from './redact.js';
import { AUTH_RESULTS, isRetryableResult, resultMessage } from './result-codes.js';

/** Stable string codes of every error the toolkit raises; scripts branch on these. */
export type PCloudErrorCode =
  | 'API_ERROR'
  | 'AUTH_ERROR'
  | 'TRANSPORT_ERROR'
  | 'TIMEOUT'
  | 'ABORTED'
  | 'CHECKSUM_MISMATCH'
  | 'PROTOCOL_ERROR'
  | 'CONFIG_ERROR'
  | 'USAGE_ERROR'
  | 'INVALID_LOCATION'
  | 'INVALID_NAME'
  | 'NOT_FOUND'
  | 'LOCAL_IO_ERROR';

export interface PCloudErrorOptions {
  cause?: unknown;
  /** A one-line suggestion shown to users under the message. */
  hint?: string;
  /** Overrides the reason the code implies (a refusal of OAuth tokens is an AUTH_ERROR with reason `oauth-refused`). */
  reason?: ErrorReason;
}

/**
 * The base of every error the toolkit throws. The message and hint are redacted in the
 * constructor, so no later code path can leak a token, code or password through them.
 */
export class PCloudError extends Error {
  readonly code: PCloudErrorCode;
  /** What went wrong, for scripts to branch on (`not-found`, `auth`, `throttled`, …). */
  readonly reason: ErrorReason;
  readonly hint: string | undefined;

  constructor(code: PCloudErrorCode, message: string, options: PCloudErrorOptions = {}) {
    super(redact(message), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PCloudError';
    this.code = code;
    this.reason = options.reason ?? reasonOfCode(code);
    this.hint = options.hint === undefined ? undefined : redact(options.hint);
  }
}

export interface ApiErrorOptions extends PCloudErrorOptions {
  /** The server's own message; defaults to pCloud's documented text for `result`. */
  serverMessage?: string;
}

/** pCloud answered a call with a non-zero `result`. */
export class ApiError extends PCloudError {
  readonly result: number;
  readonly method: string;
  readonly serverMessage: string;

  constructor(method: string, result: number, options: ApiErrorOptions = {}) {
    const serverMessage = redact(options.serverMessage ?? resultMessage(result));
    super(AUTH_RESULTS.has(result) ? 'AUTH_ERROR' : 'API_ERROR', `${method}: ${serverMessage} (${result})`, {
      ...options,
      reason: options.reason ?? reasonOfResult(result),
    });
    this.name = 'ApiError';
    this.result = result;
    this.method = method;
    this.serverMessage = serverMessage;
  }

  /** The credentials are missing, wrong, expired or refused for this method (1000, 2000, 2094). */
  get isAuthError(): boolean {
    return AUTH_RESULTS.has(this.result);
  }

  /** Rate limiting or an internal error: the same call may succeed later. */
  get isRetryable(): boolean {
    return isRetryableResult(this.result);
  }
}

/** The request never got a pCloud answer: connection refused or dropped, TLS failure, timeout, HTTP 5xx. */
export class TransportError extends PCloudError {
  /** HTTP status, when the failure was an HTTP answer without a pCloud result. */
  readonly status: number | undefined;

  constructor(message: string, options: PCloudErrorOptions & { status?: number; timeout?: boolean } = {}) {
    // A 429 is the server asking us to slow down, not a broken connection.
    const reason = options.reason ?? (options.status === 429 ? 'throttled' : undefined);
    super(options.timeout ? 'TIMEOUT' : 'TRANSPORT_ERROR', message, { ...options, ...(reason ? { reason } : {}) });
    this.name = 'TransportError';
    this.status = options.status;
  }
}

/** Whether a value is one of our errors with the given code. */
export function isPCloudError(error: unknown, code?: PCloudErrorCode): error is PCloudError {
  return error instanceof PCloudError && (code === undefined || error.code === code);
}
