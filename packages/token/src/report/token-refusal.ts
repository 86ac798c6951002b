import type { PCloudClient } from '@pcloud/core';
import { isOAuthRefusal, oauthRefusalError } from '@pcloud/core/internal';
import { TOKENS_REFUSED } from './tokens-refused.js';

/**
 * pCloud refuses `listtokens` and `deletetoken` to OAuth access tokens (pcloud-api.md §6.3, §7.6):
 * turns that refusal into plain words and what to do instead; any other error passes through unchanged.
 */
export function explainTokenRefusal(error: unknown, client: PCloudClient): unknown {
  if (!isOAuthRefusal(error, client)) return error;
  return oauthRefusalError(
    error,
    'token',
    TOKENS_REFUSED,
    "to end an app's access, revoke the app in your pCloud account settings; to end this tool's own token, run 'pcloud-token logout'",
  );
}
