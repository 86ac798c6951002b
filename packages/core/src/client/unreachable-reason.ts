/**
 * Which failures mean that the server was not reached at all: the connection was refused, the
 * name did not resolve, the network or host is unreachable, the TLS handshake failed, or
 * connecting took longer than the connect timeout. None of the request got to the server, so any
 * call may be sent again. Resets, idle timeouts and HTTP statuses are not among them: the server
 * was there, and may have acted on the request.
 */
import { TransportError } from '../errors.js';

/** Why the server could not be reached. */
export interface UnreachableReason {
  /** A few words for a status line: `connection refused`. */
  reason: string;
  /** The same with the address, for a closing summary: `connection refused by 127.0.0.1:8080`. */
  detail: string;
}

/** What transport-errors.ts keeps of a wire error. */
interface WireCause {
  code?: string;
  address?: string;
  port?: number;
  hostname?: string;
  event?: string;
}

/** Timeout phases before the request is written (got's, client/got-instance.ts; the binary transport's connect-socket.ts). */
const CONNECT_PHASES = new Set(['lookup', 'connect', 'secureConnect']);
const TLS_FAILURE = /^(EPROTO$|ERR_SSL_|ERR_TLS_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT$|SELF_SIGNED_CERT_IN_CHAIN$)/;

/**
 * Why `error` means the server was not reached, or undefined when it may have been. `host`
 * (`eapi.pcloud.com`, `127.0.0.1:8080`) names the server when the error does not.
 */
export function unreachableReason(error: unknown, host?: string): UnreachableReason | undefined {
  if (!(error instanceof TransportError) || error.status !== undefined) return undefined;
  const cause = (error.cause ?? {}) as WireCause;
  const code = cause.code ?? '';
  const at =
    cause.address === undefined ? (host ?? 'the server') : cause.port === undefined ? cause.address : `${cause.address}:${cause.port}`;
  if (code === 'ECONNREFUSED') return { reason: 'connection refused', detail: `connection refused by ${at}` };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return { reason: 'name not found', detail: `no address found for ${cause.hostname ?? host ?? 'the server'}` };
  if (code === 'ENETUNREACH' || code === 'ENETDOWN') return { reason: 'network unreachable', detail: `network unreachable (${at})` };
  if (code === 'EHOSTUNREACH' || code === 'EHOSTDOWN') return { reason: 'host unreachable', detail: `${at} unreachable` };
  if (TLS_FAILURE.test(code)) return { reason: 'TLS handshake failed', detail: `TLS handshake with ${at} failed (${code})` };
  if (error.code === 'TIMEOUT' && CONNECT_PHASES.has(cause.event ?? ''))
    return { reason: 'no connection in time', detail: `no connection to ${at} in time` };
  return undefined;
}
