/**
 * Credentials of a call as the identity store wants them (pcloud-api.md §1.3, §1.8): an OAuth
 * token from `access_token` or the transport's `Authorization: Bearer`, an `auth` token, or an
 * inline login. Transports hand over the raw values; nothing here is ever logged.
 */
import type { Credentials } from '../state/identity-store.js';
import type { CallParams } from './types.js';

const INLINE = ['username', 'password', 'passwordmd5', 'digest', 'passworddigest', 'device'] as const;

/** True when the call carries any credential at all. */
export function hasCredentials(credentials: Credentials): boolean {
  return credentials.accessToken !== undefined || credentials.auth !== undefined || credentials.username !== undefined;
}

/** Collects the credentials of a call; a parameter wins over the Bearer header. */
export function readCredentials(params: CallParams, bearer: string | undefined, remoteAddress: string): Credentials {
  const credentials: Credentials = { remoteAddress };
  const accessToken = params.get('access_token') ?? bearer;
  if (accessToken !== undefined && accessToken !== '') credentials.accessToken = accessToken;
  const auth = params.get('auth');
  if (auth !== undefined && auth !== '') credentials.auth = auth;
  for (const name of INLINE) {
    const value = params.get(name);
    if (value !== undefined) credentials[name] = value;
  }
  const expire = Number(params.get('authexpire'));
  if (Number.isSafeInteger(expire) && expire > 0) credentials.authexpire = expire;
  const inactive = Number(params.get('authinactiveexpire'));
  if (Number.isSafeInteger(inactive) && inactive > 0) credentials.authinactiveexpire = inactive;
  return credentials;
}
