/**
 * Sessions of the account: `logout`, `listtokens`, `deletetoken` (pcloud-api.md §6.3). In
 * restriction mode OAuth tokens may not list or delete sessions (1000, §7.6).
 */
import { apiDate } from '../api/api-date.js';
import { ApiFailure, type MethodContext, type MethodSpec } from '../api/types.js';
import { callerOf } from './caller.js';
import { intParam } from './read-params.js';

/** Ends a token and unbinds this connection from it, so the next request must bring credentials again. */
function endToken(ctx: MethodContext, tokenid: number): boolean {
  if (ctx.connection.boundCaller?.tokenId === tokenid) ctx.connection.boundCaller = undefined;
  return ctx.state.identity.revoke(tokenid);
}

/** `logout`: ends the token in use. */
function logout(ctx: MethodContext) {
  return { body: { auth_deleted: endToken(ctx, callerOf(ctx).tokenId) } };
}

/** `listtokens`: the account's live `auth` sessions. */
function listtokens(ctx: MethodContext) {
  const caller = callerOf(ctx);
  const tokens = ctx.state.identity
    .sessions(caller.account.userid, ctx.state.now())
    .sort((a, b) => a.tokenid - b.tokenid)
    .map((t) => ({
      tokenid: t.tokenid,
      device: t.device,
      created: apiDate(t.created),
      expires_inactive: apiDate(t.expiresInactive),
      expires: apiDate(t.expires),
    }));
  return { body: { tokens } };
}

/** `deletetoken`: `tokenid` must be one of the account's sessions (2102 otherwise); may be the token in use. */
function deletetoken(ctx: MethodContext) {
  const caller = callerOf(ctx);
  const tokenid = intParam(ctx.params, 'tokenid');
  if (tokenid === undefined) throw new ApiFailure(1076);
  const owned = ctx.state.identity.sessions(caller.account.userid, ctx.state.now()).some((t) => t.tokenid === tokenid);
  if (!owned) throw new ApiFailure(2102);
  endToken(ctx, tokenid);
  return { body: {} };
}

/** The session methods. */
export const tokenMethods: MethodSpec[] = [
  { name: 'logout', auth: 'required', handler: logout },
  { name: 'listtokens', auth: 'required', refuseOAuth: 1000, handler: listtokens },
  { name: 'deletetoken', auth: 'required', refuseOAuth: 1000, handler: deletetoken },
];
