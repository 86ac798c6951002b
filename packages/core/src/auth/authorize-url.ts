/**
 * The pCloud OAuth2 authorize page URL (pcloud-api.md §7.1) and the random `state` that ties a
 * redirect to the login that asked for it.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** pCloud's authorize page (both regions; the redirect tells which one the account is in). */
export const DEFAULT_AUTHORIZE_URL = 'https://my.pcloud.com/oauth2/authorize';

/** What goes into the authorize URL. */
export interface AuthorizeUrlOptions {
  clientId: string;
  /** Where the browser is sent afterwards; without it the page shows the code to copy. */
  redirectUri?: string;
  /** Returned unchanged with the redirect; checked by the listener. */
  state?: string;
  /** Authorize page base (default {@link DEFAULT_AUTHORIZE_URL}; an emulator's is `<apiUrl>/oauth2/authorize`). */
  authorizeUrl?: string;
  /** Ask again even when the app was approved before. */
  forceReapprove?: boolean;
}

/** Builds the authorize page URL for the code flow (`response_type=code`). */
export function buildAuthorizeUrl(options: AuthorizeUrlOptions): string {
  const url = new URL(options.authorizeUrl ?? DEFAULT_AUTHORIZE_URL);
  url.searchParams.set('client_id', options.clientId);
  url.searchParams.set('response_type', 'code');
  if (options.redirectUri !== undefined) url.searchParams.set('redirect_uri', options.redirectUri);
  if (options.state !== undefined) url.searchParams.set('state', options.state);
  url.searchParams.set('force_reapprove', options.forceReapprove ? '1' : '0');
  return url.href;
}

/** A fresh unguessable `state` value (128 bits, URL-safe). */
export function createState(): string {
  return randomBytes(16).toString('base64url');
}

/** Compares two `state` values in constant time (digests first, so lengths leak nothing either). */
export function stateMatches(expected: string, received: string | null | undefined): boolean {
  if (typeof received !== 'string') return false;
  const digest = (value: string): Buffer => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(expected), digest(received));
}
