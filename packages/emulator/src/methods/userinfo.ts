/** `userinfo` (pcloud-api.md §6.1): the account, and with `getauth=1` after an inline login, a new `auth` token. */
import { apiDate } from '../api/api-date.js';
import type { MethodSpec } from '../api/types.js';
import { usedQuota } from '../state/account-usage.js';
import { callerOf } from '../params/caller.js';
import { flagParam } from '../params/typed-values.js';

/** `userinfo`: the caller's account. */
export const userinfo: MethodSpec = {
  name: 'userinfo',
  auth: 'required',
  handler(ctx) {
    const caller = callerOf(ctx);
    const { account } = caller;
    const body: Record<string, unknown> = {
      userid: account.userid,
      email: account.email,
      emailverified: account.emailverified,
      registered: apiDate(account.registered),
      premium: account.premium,
      quota: account.quota,
      usedquota: usedQuota(ctx.state, account.userid),
      language: account.language,
    };
    // Only an inline login of this very request yields `auth`; with an OAuth token getauth is ignored (§6.1).
    if (flagParam(ctx.params, 'getauth') && ctx.params.has('username') && caller.kind === 'auth') {
      const token = ctx.state.identity.tokens.get(caller.tokenId);
      if (token) body.auth = token.value;
    }
    return { body };
  },
};
