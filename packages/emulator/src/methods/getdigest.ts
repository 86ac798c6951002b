/** `getdigest` (pcloud-api.md §6.2): a digest for a password-digest login, valid 30 seconds. */
import { apiDate } from '../api/api-date.js';
import type { MethodSpec } from '../api/types.js';

/** `getdigest`: no credentials needed. */
export const getdigest: MethodSpec = {
  name: 'getdigest',
  auth: 'none',
  handler(ctx) {
    const { digest, expires } = ctx.state.identity.logins.issueDigest(ctx.state.now());
    return { body: { digest, expires: apiDate(expires) } };
  },
};
