import { ApiError, PCloudError, type PCloudClient } from '@pcloud/core';

/**
 * Whether pCloud refused a collection method because the client logs in with an OAuth access
 * token: since April 2026 it answers 1000 to every `collection_*` call made with one.
 */
export function isCollectionRefusal(error: unknown, client: PCloudClient): error is ApiError {
  return (
    error instanceof ApiError &&
    error.result === 1000 &&
    error.method.startsWith('collection_') &&
    client.settings.credentials.accessToken !== undefined
  );
}

/** The refusal said in plain words: the cause, and what the user can do about it. */
export function collectionRefusalError(error: ApiError): PCloudError {
  return new PCloudError(
    'AUTH_ERROR',
    `pCloud refused the playlist request (${error.method}: ${error.serverMessage}): since April 2026 pCloud no longer lets OAuth access tokens read or change playlists.`,
    {
      cause: error,
      hint: 'Playlists need a legacy "auth" login token: if you still have one, put it in the config file as "auth" (it is used instead of the access token). Files and folders keep working with OAuth.',
    },
  );
}
