import { defineCommand } from '@pcloud/core/cli';

/** `pcloud-token logout`: ends the session on the server (`logout`) and removes the token from the config. */
export const logoutCommand = defineCommand({
  name: 'logout',
  describe: 'end the current session on pCloud and remove its token from the config file',
  examples: [['pcloud-token logout', 'the stored token stops working and is removed']],
  // Its code, and the client under it, load only when logout runs: not for --help or another command.
  handler: async (ctx): Promise<void> => (await import('./logout-handler.js')).runLogout(ctx),
});
