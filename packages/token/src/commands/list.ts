import { defineCommand } from '@pcloud/core/cli';

/** `pcloud-token list` (also `--list`): the account's login tokens (`listtokens`). */
export const listCommand = defineCommand({
  name: 'list',
  describe: "list your account's login tokens (also: --list)",
  json: true,
  examples: [
    ['pcloud-token list', 'id, expiry and client of every token'],
    ['pcloud-token list --json', 'the same as JSON, for scripts'],
  ],
  // Its code, and the client under it, load only when list runs: not for --help or another command.
  handler: async (ctx): Promise<void> => (await import('./list-handler.js')).runList(ctx),
});
