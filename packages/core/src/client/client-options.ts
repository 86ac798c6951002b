/**
 * The options of {@link createClient} and how they resolve into transport settings.
 * `timeout` keeps the original tools' meaning: N seconds to connect, 5×N seconds of silence
 * on an open connection (the default 2 "equates to roughly 10 seconds").
 */
import { concealFields } from '../conceal.js';
import { PCloudError } from '../errors.js';
import { redact, registerSecret } from '../redact.js';
import { refusePlainHttp } from './plain-http.js';
import { resolveEndpoint } from './region.js';
import { silentLog } from './silent-log.js';
import type { Logger } from './logger.js';
import type { Reachability } from './reachability.js';
import type { RetryOptions } from './retry.js';
import type { Credentials, Transport, TransportFactory, TransportSettings } from './transport.js';

export type { LogKind, Logger } from './logger.js';

/** A built-in transport name. */
export type TransportKind = 'http' | 'binary';

/** Options of createClient; every one is optional. */
export interface ClientOptions {
  /** API endpoint: `eu` (default, https://eapi.pcloud.com), `us` (https://api.pcloud.com) or a URL. */
  endpoint?: string | URL;
  /** OAuth access token, sent as `Authorization: Bearer` over HTTP. */
  accessToken?: string;
  /** Legacy session `auth` token, sent as a POST body parameter. */
  auth?: string;
  /** Timeout N in seconds: N to connect, 5×N idle (default 2). */
  timeout?: number;
  /** Retry policy for transient failures, or `false` to never retry. */
  retry?: Partial<RetryOptions> | false;
  /**
   * The judgement of whether pCloud answers, shared by every call of a run (createReachability);
   * default: one for this client, which waits up to 15 s × `timeout` for a server gone away.
   */
  reachability?: Reachability;
  /** Extra trusted CA certificate(s) in PEM, e.g. the emulator's. */
  ca?: string | Buffer | Array<string | Buffer>;
  /** User-Agent header (default `pcloud-toolkit/<version>`). */
  userAgent?: string;
  /** Debug output; receives redacted lines only. */
  logger?: Logger;
  /** Aborts every call of this client. */
  signal?: AbortSignal;
  /** `http` (default), `binary`, a ready transport, or a factory. */
  transport?: TransportKind | Transport | TransportFactory;
  /** Binary protocol port (default 8399 TLS). */
  binaryPort?: number;
  /** Binary protocol over plain TCP instead of TLS. */
  binaryPlain?: boolean;
  /** Allow a plain `http://` endpoint off this machine, where the token travels unencrypted (default false: refused). */
  insecureHttp?: boolean;
  /** The largest API answer read over HTTP, in bytes; a larger one fails the call (default 512 MiB, about 1.5 million listing entries). */
  maxAnswerBytes?: number;
}

/** The default User-Agent. */
export const DEFAULT_USER_AGENT = 'pcloud-toolkit/0 (+@pcloud/core)';

/** Default `timeout` in seconds, as the original. */
export const DEFAULT_TIMEOUT = 2;

/** Resolves the options a transport needs; registers the credentials as secrets for redaction. */
export function resolveTransportSettings(options: ClientOptions): TransportSettings {
  const timeout = options.timeout ?? DEFAULT_TIMEOUT;
  if (!Number.isFinite(timeout) || timeout <= 0) {
    throw new PCloudError('USAGE_ERROR', `Invalid timeout ${String(timeout)}: expected a positive number of seconds.`);
  }
  if (options.maxAnswerBytes !== undefined && !(Number.isSafeInteger(options.maxAnswerBytes) && options.maxAnswerBytes > 0)) {
    throw new PCloudError(
      'USAGE_ERROR',
      `Invalid maxAnswerBytes ${String(options.maxAnswerBytes)}: expected a positive whole number of bytes.`,
    );
  }
  if (options.accessToken !== undefined && options.auth !== undefined) {
    throw new PCloudError('USAGE_ERROR', 'Give either an access token or a legacy auth token, not both.');
  }
  registerSecret(options.accessToken);
  registerSecret(options.auth);
  const given: Credentials = options.accessToken ? { accessToken: options.accessToken } : options.auth ? { auth: options.auth } : {};
  const credentials = concealFields(given, ['accessToken', 'auth']);
  const logger = options.logger;
  const endpoint = resolveEndpoint(options.endpoint);
  refusePlainHttp(endpoint, options.insecureHttp);
  return {
    endpoint,
    credentials,
    connectTimeoutMs: timeout * 1000,
    idleTimeoutMs: timeout * 5000,
    ...(options.ca !== undefined ? { ca: options.ca } : {}),
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    log: logger ? (line, kind = 'call') => logger(redact(line), kind) : silentLog,
    ...(options.binaryPort !== undefined ? { binaryPort: options.binaryPort } : {}),
    ...(options.binaryPlain !== undefined ? { binaryPlain: options.binaryPlain } : {}),
    ...(options.maxAnswerBytes !== undefined ? { maxAnswerBytes: options.maxAnswerBytes } : {}),
  };
}
