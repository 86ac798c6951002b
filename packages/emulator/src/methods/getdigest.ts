/** `getdigest` (pcloud-api.md §6.2): a digest for a password-digest login, valid 30 seconds. */
import { apiDate } from '../api/api-date.js';
import type { MethodContext, MethodSpec } from '../api/types.js';

function getdigest(ctx: MethodContext) {
  const { digest, expires } = ctx.state.identity.logins.issueDigest(ctx.state.now());
  return { body: { digest, expires: apiDate(expires) } };
}

/** The `getdigest` method (no auth needed). */
export const digestMethods: MethodSpec[] = [{ name: 'getdigest', auth: 'none', handler: getdigest }];
