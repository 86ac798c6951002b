import { runRemove } from '../remove/run-remove.js';
import { filterFromContext, requireRecursiveForFilters } from './filter-from-args.js';
import type { rmCommand } from './rm.js';

/** What `pcutil rm` runs: delete pCloud files and folders, as the original did. */
export async function runRm(ctx: Parameters<(typeof rmCommand)['handler']>[0]): Promise<number> {
  requireRecursiveForFilters(ctx.args, ctx.args.recursive, '-r');
  const filter = await filterFromContext(ctx);
  return runRemove(ctx, ctx.args.paths, { recursive: ctx.args.recursive, ...(filter ? { filter } : {}) });
}
