import { escapeControl, getUserInfo } from '@pcloud/core/internal';
import { selectMetadata } from '../filter/select-metadata.js';
import { describePath } from '../list/list-path.js';
import { parseRemoteArgs } from '../remote/remote-args.js';
import { countUsage, type Usage } from '../usage/count-usage.js';
import { formatQuota, formatUsage } from '../usage/format-usage.js';
import { filterFromContext } from './filter-from-args.js';
import type { duCommand } from './du.js';

/** A path's usage, with how many items the filters left out when they were given. */
type PathUsage = Usage & { filtered?: number };

/** What `pcutil du` runs: how much lies below pCloud folders, and with no path the account's quota too. */
export async function runDu(ctx: Parameters<(typeof duCommand)['handler']>[0]): Promise<number> {
  const given = ctx.args.paths ?? [];
  const { locs, location } = parseRemoteArgs(given.length > 0 ? given : ['/']);
  const filter = await filterFromContext(ctx);
  const client = await ctx.client(location);
  const rows: PathUsage[] = [];
  let missing = 0;
  for (const loc of locs) {
    const found = await describePath(client, loc.path, true);
    if (found === undefined) {
      ctx.io.stderr.write(`pcutil: p:${escapeControl(loc.path)}: no such file or folder\n`);
      missing += 1;
      continue;
    }
    const selected = filter && found.isfolder ? selectMetadata(found, filter) : undefined;
    const total: PathUsage = countUsage(selected?.folder ?? found, loc.path, (usage) => {
      if (!ctx.args.summarize && usage.path !== loc.path) rows.push(usage);
    });
    if (filter) total.filtered = selected?.filtered.length ?? 0;
    rows.push(total);
  }
  const quota = given.length === 0 ? await getUserInfo(client) : undefined;
  if (ctx.json) {
    ctx.out.json({ usage: rows, ...(quota ? { quota: { used: quota.usedquota, total: quota.quota } } : {}) });
  } else {
    for (const row of rows) ctx.out.line(`${formatUsage(row)}${row.filtered !== undefined ? ` (${row.filtered} filtered)` : ''}`);
    if (quota) ctx.out.line(formatQuota(quota.usedquota, quota.quota));
  }
  return missing > 0 ? 1 : 0;
}
