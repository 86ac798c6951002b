import { listTokens } from '@pcloud/core/internal';
import { defineCommand } from '@pcloud/core/cli';
import { explainTokenRefusal } from '../report/token-refusal.js';
import { formatTokenTable } from '../report/token-table.js';

/** `pcloud-token list` (also `--list`): the account's login tokens (`listtokens`). */
export const listCommand = defineCommand({
  name: 'list',
  describe: "list your account's login tokens (also: --list)",
  json: true,
  examples: [
    ['pcloud-token list', 'id, expiry and client of every token'],
    ['pcloud-token list --json', 'the same as JSON, for scripts'],
  ],
  async handler(ctx) {
    const client = await ctx.client();
    const tokens = await listTokens(client).catch((error: unknown) => {
      throw explainTokenRefusal(error, client);
    });
    if (ctx.json) ctx.out.json(tokens);
    else for (const row of formatTokenTable(tokens)) ctx.out.line(row);
  },
});
