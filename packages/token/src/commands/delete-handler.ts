import { ApiError, type PCloudClient } from '@pcloud/core';
import { deleteToken, getUserInfo, listTokens } from '@pcloud/core/internal';
import { forgetStoredToken } from '../config/forget-token.js';
import { parseTokenIds } from '../args/parse-ids.js';
import { explainTokenRefusal } from '../report/token-refusal.js';
import type { deleteCommand } from './delete.js';

/** Whether the client's own token still works; false once the server says it is gone. */
async function stillLoggedIn(client: PCloudClient): Promise<boolean> {
  try {
    await getUserInfo(client, { retry: false });
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.isAuthError) return false;
    throw error;
  }
}

/** What `pcloud-token delete` runs: invalidates tokens (`deletetoken`). */
export async function runDelete(ctx: Parameters<(typeof deleteCommand)['handler']>[0]): Promise<number> {
  const ids = parseTokenIds(ctx.args.ids);
  const client = await ctx.client();
  const known = await listTokens(client).catch((error: unknown) => {
    throw explainTokenRefusal(error, client);
  });
  const knownIds = new Set(known.map((token) => token.tokenid));
  let failed = false;
  for (const id of ids) {
    if (!knownIds.has(id)) {
      failed = true;
      ctx.io.stderr.write(`${ctx.tool.name}: token ${id} is not one of your tokens; nothing deleted for it (see pcloud-token list)\n`);
      continue;
    }
    try {
      await deleteToken(client, id);
    } catch (error) {
      throw explainTokenRefusal(error, client);
    }
    ctx.out.line(`deleted token ${id}`);
    // pCloud does not say which token is the caller's own: after a delete, ask whether ours still works.
    if (!(await stillLoggedIn(client))) {
      ctx.out.warn(`token ${id} was the one this tool used: that session has ended, and it is removed from ${ctx.config.path}`);
      await forgetStoredToken(ctx.config);
      const rest = ids.slice(ids.indexOf(id) + 1);
      if (rest.length > 0) {
        ctx.io.stderr.write(`${ctx.tool.name}: not deleted, log in again first: ${rest.join(', ')}\n`);
        return 1;
      }
      break;
    }
  }
  return failed ? 1 : 0;
}
