import { ApiError, PCloudError, type PCloudClient } from '@pcloud/core';

/**
 * Says in plain words why pCloud refused a collection method, when the login is the cause:
 * since April 2026 it answers 1000 to every `collection_*` call made with an OAuth access token,
 * and it has invalidated old legacy `auth` tokens (2000). Undefined for any other error, which
 * then concerns one playlist only.
 */
export function explainCollectionRefusal(error: unknown, client: PCloudClient): PCloudError | undefined {
  if (!(error instanceof ApiError) || !error.method.startsWith('collection_')) return undefined;
  const answered = `${error.method} answered ${error.result} "${error.serverMessage}"`;
  const { credentials } = client.settings;
  if (error.result === 1000 && credentials.accessToken !== undefined) {
    return new PCloudError(
      'AUTH_ERROR',
      `pCloud refused the playlist request (${answered}): since April 2026 pCloud no longer lets OAuth access tokens read or change playlists.`,
      {
        cause: error,
        hint: 'Playlists need a legacy "auth" login token: if you still have one, put it in the config file as "auth" (it is used instead of the access token). Files and folders keep working with OAuth.',
      },
    );
  }
  if (error.result === 2000 && credentials.auth !== undefined) {
    return new PCloudError('AUTH_ERROR', `pCloud did not accept the legacy auth token (${answered}).`, {
      cause: error,
      hint: 'pCloud invalidated old auth tokens in April 2026; remove "auth" from the config (or PCLOUD_AUTH) to log in with OAuth, which works for files but not for playlists.',
    });
  }
  return undefined;
}
