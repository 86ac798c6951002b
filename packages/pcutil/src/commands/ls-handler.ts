import { PCloudError } from '@pcloud/core';
import { escapeControl } from '@pcloud/core/internal';
import { formatListingRow } from '../list/format-listing.js';
import { listPath } from '../list/list-path.js';
import { parseRemoteArgs } from '../remote/remote-args.js';
import { filterFromContext } from './filter-from-args.js';
import type { lsCommand } from './ls.js';

/** What `pcutil ls` runs: list a pCloud folder. */
export async function runLs(ctx: Parameters<(typeof lsCommand)['handler']>[0]): Promise<void> {
  const { locs, location } = parseRemoteArgs([ctx.args.path ?? '/']);
  const path = locs[0]?.path ?? '/';
  const filter = await filterFromContext(ctx);
  const all = await listPath(await ctx.client(location), path, ctx.args.recursive, filter);
  if (all === undefined) throw new PCloudError('NOT_FOUND', `p:${path}: no such file or folder`);
  if (ctx.json) return void ctx.out.json(all.flatMap((section) => section.rows));
  all.forEach((section, index) => {
    if (ctx.args.recursive) ctx.out.line(`${index > 0 ? '\n' : ''}p:${escapeControl(section.path)}:`);
    for (const row of section.rows) ctx.out.line(formatListingRow(row, ctx.args.long));
  });
}
