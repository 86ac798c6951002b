import { ApiError } from '@pcloud/core';
import { logout } from '@pcloud/core/internal';
import { forgetStoredToken } from '../config/forget-token.js';
import type { logoutCommand } from './logout.js';

/** What `pcloud-token logout` runs: ends the session on the server (`logout`) and removes the token from the config. */
export async function runLogout(ctx: Parameters<(typeof logoutCommand)['handler']>[0]): Promise<void> {
  const client = await ctx.client();
  let ended = false;
  try {
    ended = await logout(client);
  } catch (error) {
    // A token the server already refuses is as good as logged out; anything else is reported.
    if (!(error instanceof ApiError && error.isAuthError)) throw error;
  }
  const removed = await forgetStoredToken(ctx.config);
  const where = removed ? ` and its token is removed from ${ctx.config.path}` : '';
  if (ended) ctx.out.info(`Logged out: the session has ended on pCloud${where}`);
  else {
    if (removed) ctx.out.info(`The token is removed from ${ctx.config.path}.`);
    ctx.out.warn('pCloud did not confirm the session ended; to be sure, revoke the app in your pCloud account settings');
  }
  if (ctx.env.PCLOUD_ACCESS_TOKEN || ctx.env.PCLOUD_AUTH) {
    ctx.out.warn('PCLOUD_ACCESS_TOKEN or PCLOUD_AUTH is still set in your environment: unset it too');
  }
}
