import { ApiError } from '@pcloud/core';
import { logout } from '@pcloud/core/internal';
import { defineCommand } from '@pcloud/core/cli';
import { forgetStoredToken } from '../config/forget-token.js';

/** `pcloud-token logout`: ends the session on the server (`logout`) and removes the token from the config. */
export const logoutCommand = defineCommand({
  name: 'logout',
  describe: 'end the current session on pCloud and remove its token from the config file',
  examples: [['pcloud-token logout', 'the stored token stops working and is removed']],
  async handler(ctx) {
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
  },
});
