import { defineCommand } from '@pcloud/core/cli';

/** `pcloud-token whoami`: the account behind the stored token (`userinfo`), never the token itself. */
export const whoamiCommand = defineCommand({
  name: 'whoami',
  describe: 'show the account, region, endpoint and quota behind the stored token (never the token)',
  json: true,
  examples: [
    ['pcloud-token whoami', 'who you are logged in as, and where'],
    ['pcloud-token whoami --json', 'the same as JSON'],
  ],
  // Its code, and the client under it, load only when whoami runs: not for --help or another command.
  handler: async (ctx): Promise<void> => (await import('./whoami-handler.js')).runWhoami(ctx),
});
