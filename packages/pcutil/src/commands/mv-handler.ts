import { PCloudError } from '@pcloud/core';
import { movePaths } from '../move/move-paths.js';
import type { mvCommand } from './mv.js';

/** What `pcutil mv` runs: rename or move pCloud files and folders on the server. */
export async function runMv(ctx: Parameters<(typeof mvCommand)['handler']>[0]): Promise<number> {
  if (ctx.args.paths.length < 2) throw new PCloudError('USAGE_ERROR', 'mv needs a SOURCE and a DEST');
  return movePaths(ctx, ctx.args.paths);
}
