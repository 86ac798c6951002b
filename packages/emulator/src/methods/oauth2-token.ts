/**
 * `oauth2_token` (pcloud-api.md §7.3): trades an authorization code for an access token. A bad,
 * used or expired code, or a wrong client id or secret, answers 2012 (§12 item 20).
 */
import { ApiFailure } from '../api/api-failure.js';
import type { MethodSpec } from '../api/types.js';

/** `oauth2_token`: `client_id`, `client_secret`, `code`; no credentials needed. */
export const oauth2Token: MethodSpec = {
  name: 'oauth2_token',
  auth: 'none',
  handler(ctx) {
    const code = ctx.params.get('code');
    if (code === undefined || code === '') throw new ApiFailure(1022);
    const clientId = ctx.params.get('client_id') ?? '';
    const clientSecret = ctx.params.get('client_secret') ?? '';
    const token = ctx.state.identity.oauth.redeemCode(clientId, clientSecret, code, ctx.state.now());
    if (!token) throw new ApiFailure(2012);
    // Both `uid` (docs) and `userid` (what SDKs read) are sent, as on the token-flow redirect (§7.2).
    return {
      body: { access_token: token.value, token_type: 'bearer', uid: token.userid, userid: token.userid, locationid: ctx.state.locationid },
    };
  },
};
