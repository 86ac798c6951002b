/**
 * Typed helpers for the account and its login tokens, thin functions over `client.call`
 * (pcloud-api.md §6). pCloud refuses OAuth tokens for `listtokens`/`deletetoken` (1000).
 */
import type { CallOptions, PCloudClient } from '../client/create-client.js';
import type { TokenInfo, UserInfo } from '../client/types.js';

/** The account behind the client's credentials (`userinfo`). */
export async function getUserInfo(client: PCloudClient, call?: CallOptions): Promise<UserInfo> {
  return client.call('userinfo', {}, call);
}

/** The account's login tokens (`listtokens`). */
export async function listTokens(client: PCloudClient, call?: CallOptions): Promise<TokenInfo[]> {
  const answer = await client.call('listtokens', {}, call);
  return answer.tokens;
}

/** Invalidates one login token by id (`deletetoken`). */
export async function deleteToken(client: PCloudClient, tokenid: number, call?: CallOptions): Promise<void> {
  await client.call('deletetoken', { tokenid }, call);
}

/** Invalidates the token the client uses (`logout`); true when it existed. */
export async function logout(client: PCloudClient, call?: CallOptions): Promise<boolean> {
  const answer = await client.call('logout', {}, call);
  return answer.auth_deleted === true;
}
