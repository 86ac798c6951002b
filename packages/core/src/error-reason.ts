/**
 * What went wrong, in words a script can branch on without knowing pCloud's result numbers
 * (pcloud-api.md §8): every error the toolkit raises carries one of these as `reason`.
 */
import { AUTH_RESULTS } from './result-codes.js';

/** Why a call or helper failed; `other` when none of the named reasons fits. */
export type ErrorReason =
  | 'not-found'
  | 'already-exists'
  | 'auth'
  | 'oauth-refused'
  | 'access-denied'
  | 'throttled'
  | 'quota'
  | 'server-error'
  | 'invalid-request'
  | 'transport'
  | 'timeout'
  | 'aborted'
  | 'corrupt'
  | 'config'
  | 'local-io'
  | 'other';

const NOT_FOUND = new Set([1900, 2002, 2005, 2009, 2027, 2029, 2040, 2055, 2065, 2067, 2102, 2208, 7001, 7002, 7003, 7004]);
const ALREADY_EXISTS = new Set([2004, 2013, 2019, 2024, 2038, 2073]);
const ACCESS_DENIED = new Set([2003, 2016, 2026, 2039]);
// Over quota, and a public or upload link past its traffic, download, space or file limit.
const QUOTA = new Set([2008, 7005, 7006, 7007, 7008]);
const INVALID = new Set([2001, 2010, 2012]);

/**
 * The reason of a pCloud `result`. Credentials refused (1000, 2000, 2094) are `auth` whatever the
 * cause: pCloud answers the same to a token from the other region, an expired one and a revoked one.
 */
export function reasonOfResult(result: number): ErrorReason {
  if (AUTH_RESULTS.has(result)) return 'auth';
  if (NOT_FOUND.has(result)) return 'not-found';
  if (ALREADY_EXISTS.has(result)) return 'already-exists';
  if (ACCESS_DENIED.has(result)) return 'access-denied';
  if (QUOTA.has(result)) return 'quota';
  if (result >= 4000 && result < 5000) return 'throttled';
  if (result >= 5000 && result < 6000) return 'server-error';
  if ((result > 1000 && result < 2000) || INVALID.has(result)) return 'invalid-request';
  return 'other';
}

/** The reason of an error the toolkit raises itself, by its code. */
export function reasonOfCode(code: string): ErrorReason {
  switch (code) {
    case 'AUTH_ERROR':
      return 'auth';
    case 'TRANSPORT_ERROR':
    case 'PROTOCOL_ERROR':
      return 'transport';
    case 'TIMEOUT':
      return 'timeout';
    case 'ABORTED':
      return 'aborted';
    case 'NOT_FOUND':
      return 'not-found';
    case 'CHECKSUM_MISMATCH':
      return 'corrupt';
    case 'CONFIG_ERROR':
      return 'config';
    case 'LOCAL_IO_ERROR':
      return 'local-io';
    case 'USAGE_ERROR':
    case 'INVALID_LOCATION':
    case 'INVALID_NAME':
      return 'invalid-request';
    default:
      return 'other';
  }
}
