import { listTokens } from '@pcloud/core/internal';
import { explainTokenRefusal } from '../report/token-refusal.js';
import { formatTokenTable } from '../report/token-table.js';
import type { listCommand } from './list.js';

/** What `pcloud-token list` runs: the account's login tokens (`listtokens`). */
export async function runList(ctx: Parameters<(typeof listCommand)['handler']>[0]): Promise<void> {
  const client = await ctx.client();
  const tokens = await listTokens(client).catch((error: unknown) => {
    throw explainTokenRefusal(error, client);
  });
  if (ctx.json) ctx.out.json(tokens);
  else for (const row of formatTokenTable(tokens)) ctx.out.line(row);
}
