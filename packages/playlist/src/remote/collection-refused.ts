import { ApiError, PCloudError, type PCloudClient } from '@pcloud/core';
import { isOAuthRefusal, oauthRefusalError } from '@pcloud/core/internal';
import { PLAYLISTS_REFUSED } from './playlists-refused.js';

/**
 * Says in plain words why pCloud refused a collection method, when the login is the cause: it
 * refuses them to OAuth access tokens (core's oauthRefusalError), and it has invalidated old legacy
 * `auth` tokens (2000). Undefined for any other error, which then concerns one playlist only.
 */
export function explainCollectionRefusal(error: unknown, client: PCloudClient): PCloudError | undefined {
  if (!(error instanceof ApiError) || !error.method.startsWith('collection_')) return undefined;
  if (isOAuthRefusal(error, client)) {
    return oauthRefusalError(
      error,
      'playlist',
      PLAYLISTS_REFUSED,
      'Playlists need a legacy "auth" login token: if you still have one, put it in the config file as "auth" (it is used instead of the access token). Files and folders keep working with OAuth.',
    );
  }
  if (error.result === 2000 && client.settings.credentials.auth !== undefined) {
    const answered = `${error.method} answered ${error.result} "${error.serverMessage}"`;
    return new PCloudError('AUTH_ERROR', `pCloud did not accept the legacy auth token (${answered}).`, {
      cause: error,
      hint: 'pCloud invalidated old auth tokens in April 2026; remove "auth" from the config (or PCLOUD_AUTH) to log in with OAuth, which works for files but not for playlists.',
    });
  }
  return undefined;
}
