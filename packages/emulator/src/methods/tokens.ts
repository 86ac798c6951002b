/**
 * Tokens of the account: `logout`, `listtokens`, `deletetoken` (pcloud-api.md §6.3). Before
 * 2026 the original token tool listed and deleted OAuth grants with these, so legacy mode lists
 * them beside `auth` sessions; in restriction mode OAuth tokens may not call them (1000, §7.6).
 */
import { apiDate } from '../api/api-date.js';
import { ApiFailure } from '../api/api-failure.js';
import type { MethodContext, MethodSpec } from '../api/types.js';
import { callerOf } from '../params/caller.js';
import { intParam } from '../params/typed-values.js';

/** Ends a token and unbinds this connection from it, so the next request must bring credentials again. */
function endToken(ctx: MethodContext, tokenid: number): boolean {
  if (ctx.connection.boundCaller?.tokenId === tokenid) ctx.connection.boundCaller = undefined;
  return ctx.state.identity.revoke(tokenid);
}

/** `logout`: ends the token in use. */
export const logout: MethodSpec = {
  name: 'logout',
  auth: 'required',
  handler(ctx) {
    return { body: { auth_deleted: endToken(ctx, callerOf(ctx).tokenId) } };
  },
};

/**
 * OAuth tokens never expire (§6.4), but a listtokens row needs dates: they are shown as lasting
 * ten years from their creation (our choice; the original token tool prints `expires`).
 */
const OAUTH_SHOWN_LIFETIME = 10 * 365 * 86_400;

/** `listtokens`: the account's live tokens; an OAuth token's `device` is its app's name. */
export const listtokens: MethodSpec = {
  name: 'listtokens',
  auth: 'required',
  refuseOAuth: 1000,
  handler(ctx) {
    const caller = callerOf(ctx);
    const tokens = ctx.state.identity
      .sessions(caller.account.userid, ctx.state.now())
      .sort((a, b) => a.tokenid - b.tokenid)
      .map((t) => {
        const far = t.created + OAUTH_SHOWN_LIFETIME;
        return {
          tokenid: t.tokenid,
          device: t.device,
          created: apiDate(t.created),
          expires_inactive: apiDate(t.kind === 'oauth' ? far : t.expiresInactive),
          expires: apiDate(t.kind === 'oauth' ? far : t.expires),
        };
      });
    return { body: { tokens } };
  },
};

/** `deletetoken`: `tokenid` must be one of the account's tokens (2102 otherwise); may be the token in use. */
export const deletetoken: MethodSpec = {
  name: 'deletetoken',
  auth: 'required',
  refuseOAuth: 1000,
  handler(ctx) {
    const caller = callerOf(ctx);
    const tokenid = intParam(ctx.params, 'tokenid');
    if (tokenid === undefined) throw new ApiFailure(1076);
    const owned = ctx.state.identity.sessions(caller.account.userid, ctx.state.now()).some((t) => t.tokenid === tokenid);
    if (!owned) throw new ApiFailure(2102);
    endToken(ctx, tokenid);
    return { body: {} };
  },
};
