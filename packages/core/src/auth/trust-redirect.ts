/**
 * What a login may believe of a redirect. Its `hostname` becomes the stored endpoint and
 * receives the code, the client secret and every later Bearer token, so it is taken only when it
 * is one of pCloud's API hosts, or the host of the authorize page in use (an emulator serves its
 * pages and its API from one origin). A pasted address that names a region must carry this
 * login's `state`: anyone can write `?code=…&hostname=…`, only our own redirect knows the state.
 */
import { REGIONS } from '../client/region.js';
import { PCloudError } from '../errors.js';
import { stateMatches } from './authorize-url.js';
import { endpointOfAuthorizePage } from './login-endpoint.js';
import type { RedirectResult } from './redirect-result.js';

/** What the login in progress expects of its redirect. */
export interface ExpectedRedirect {
  /** The `state` this login put in its authorize URL. */
  state: string;
  /** The authorize page in use (default pCloud's). */
  authorizeUrl?: string | undefined;
}

/** The API hosts a redirect may name: pCloud's two, plus an emulator's own origin. */
export function trustedApiHosts(authorizeUrl: string | undefined): Set<string> {
  const hosts = new Set(Object.values(REGIONS).map((region) => region.host));
  const page = endpointOfAuthorizePage(authorizeUrl);
  if (page) hosts.add(page.host.toLowerCase());
  return hosts;
}

/** Throws AUTH_ERROR unless the redirect belongs to this login and names a host we trust. */
export function checkRedirect(redirect: RedirectResult, expected: ExpectedRedirect): void {
  if (redirect.state !== undefined && !stateMatches(expected.state, redirect.state)) {
    throw new PCloudError('AUTH_ERROR', 'The pasted address belongs to another login attempt: start again.');
  }
  if (redirect.state === undefined && (redirect.hostname !== undefined || redirect.locationid !== undefined)) {
    throw new PCloudError(
      'AUTH_ERROR',
      'The pasted address names a region but carries no state: paste the whole address the browser ended on, or only the code.',
    );
  }
  if (redirect.hostname !== undefined && !trustedApiHosts(expected.authorizeUrl).has(redirect.hostname.toLowerCase())) {
    // Shown quoted and cut short: it is text from outside, maybe with control characters.
    const shown = JSON.stringify(redirect.hostname.slice(0, 60));
    throw new PCloudError('AUTH_ERROR', `The login answer names the API host ${shown}, which is not pCloud's: the code is not sent there.`);
  }
}
