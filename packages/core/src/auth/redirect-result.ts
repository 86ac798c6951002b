/**
 * What comes back from the authorize page (pcloud-api.md §7.2): the code and, with a redirect,
 * the account's region (`locationid`, `hostname`) — from the loopback request or from text the
 * user pasted (the bare code shown on the page, or the whole address the browser ended on).
 */
import { PCloudError } from '../errors.js';

/** The code and what the redirect said about the region. */
export interface RedirectResult {
  code: string;
  /** 1 US, 2 EU, when the redirect carried it. */
  locationid?: number;
  /** API host of the account's region, e.g. `eapi.pcloud.com`. */
  hostname?: string;
  /** The `state` the redirect carried (a bare pasted code has none). */
  state?: string;
}

/**
 * Reads redirect parameters. `error` (e.g. `access_denied`) or a missing code is an
 * AUTH_ERROR naming the problem; the code itself never appears in a message.
 */
export function readRedirectParams(params: URLSearchParams): RedirectResult {
  const error = params.get('error');
  if (error !== null) {
    throw new PCloudError('AUTH_ERROR', `Authorization was not granted (${error.slice(0, 60)}).`);
  }
  const code = params.get('code');
  if (!code) throw new PCloudError('AUTH_ERROR', 'The authorization redirect carried no code.');
  const result: RedirectResult = { code };
  const locationid = Number(params.get('locationid'));
  if (Number.isInteger(locationid) && locationid > 0) result.locationid = locationid;
  const hostname = params.get('hostname');
  if (hostname) result.hostname = hostname;
  const state = params.get('state');
  if (state !== null) result.state = state;
  return result;
}

/** Reads what a user pasted: a bare code, a query string, or a full redirect address. */
export function parsePastedCode(text: string): RedirectResult {
  const trimmed = text.trim();
  if (trimmed === '') throw new PCloudError('AUTH_ERROR', 'No code was entered.');
  if (/[?&#=]/.test(trimmed)) {
    const query = trimmed.includes('?') ? trimmed.slice(trimmed.indexOf('?') + 1) : trimmed;
    return readRedirectParams(new URLSearchParams(query.split('#')[0]));
  }
  if (/\s/.test(trimmed)) throw new PCloudError('AUTH_ERROR', 'The code must not contain spaces.');
  return { code: trimmed };
}
