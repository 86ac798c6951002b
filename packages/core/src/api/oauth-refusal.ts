/**
 * pCloud's April 2026 change in one set of words for every tool: since then it answers 1000 to
 * OAuth access tokens for playlists (`collection_*`) and login tokens (`listtokens`,
 * `deletetoken`), which need a legacy `auth` token (pcloud-api.md §5, §6.3).
 */
import type { PCloudClient } from '../client/create-client.js';
import { ApiError, PCloudError } from '../errors.js';

/** The sentence, for errors and help: `since April 2026 pCloud no longer lets OAuth access tokens <what>`. */
export function oauthRefused(what: string): string {
  return `since April 2026 pCloud no longer lets OAuth access tokens ${what}`;
}

/** Whether `error` is pCloud refusing the OAuth access token that `client` logs in with (result 1000). */
export function isOAuthRefusal(error: unknown, client: PCloudClient): error is ApiError & { result: 1000 } {
  return error instanceof ApiError && error.result === 1000 && client.settings.credentials.accessToken !== undefined;
}

/**
 * That refusal in plain words: which request, what pCloud answered, and why, e.g. `pCloud refused
 * the playlist request (collection_list answered 1000 "Log in required."): since April 2026 pCloud
 * no longer lets OAuth access tokens read or change playlists.`; the hint says what to do instead.
 */
export function oauthRefusalError(error: ApiError, request: string, what: string, hint: string): PCloudError {
  const answered = `${error.method} answered ${error.result} "${error.serverMessage}"`;
  return new PCloudError('AUTH_ERROR', `pCloud refused the ${request} request (${answered}): ${oauthRefused(what)}.`, {
    cause: error,
    hint,
    reason: 'oauth-refused',
  });
}
