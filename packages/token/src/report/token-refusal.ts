import { ApiError, PCloudError, type PCloudClient } from '@pcloud/core';

/**
 * pCloud refuses `listtokens` and `deletetoken` to OAuth access tokens since April 2026 (result
 * 1000, pcloud-api.md §6.3, §7.6). Turns that refusal into plain words and what to do instead;
 * any other error passes through unchanged.
 */
export function explainTokenRefusal(error: unknown, client: PCloudClient, action: 'list' | 'delete'): unknown {
  const oauth = client.settings.credentials.accessToken !== undefined;
  if (!(error instanceof ApiError) || error.result !== 1000 || !oauth) return error;
  const what = action === 'list' ? 'list your tokens' : 'delete tokens';
  return new PCloudError('AUTH_ERROR', `pCloud does not let an OAuth access token ${what} (refused since April 2026)`, {
    cause: error,
    hint: "to end an app's access, revoke the app in your pCloud account settings; to end this tool's own token, run 'pcloud-token logout'",
  });
}
