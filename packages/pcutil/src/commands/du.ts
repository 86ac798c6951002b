import { escapeControl, getUserInfo } from '@pcloud/core/internal';
import { defineCommand } from '@pcloud/core/cli';
import { selectMetadata } from '../filter/select-metadata.js';
import { describePath } from '../list/list-path.js';
import { parseRemoteArgs } from '../remote/remote-args.js';
import { countUsage, type Usage } from '../usage/count-usage.js';
import { formatQuota, formatUsage } from '../usage/format-usage.js';
import { filterFromContext, filterOptions } from './filter-options.js';

/** A path's usage, with how many items the filters left out when they were given. */
type PathUsage = Usage & { filtered?: number };

/** `pcutil du`: how much lies below pCloud folders, and with no path the account's quota too. */
export const duCommand = defineCommand({
  name: 'du',
  describe: "show files, folders and bytes below pCloud folders (default p:/, with the account's quota)",
  positionals: {
    paths: { describe: 'PATH...: pCloud folders or files (p: is optional)', optional: true, variadic: true },
  },
  options: {
    summarize: { type: 'boolean', alias: 's', oneShot: true, describe: 'one total line per PATH, not one line per folder below it' },
    ...filterOptions,
  },
  json: true,
  examples: [
    ['pcutil du', "every folder's size, and the account's quota used and free"],
    ['pcutil du -s p:/Photos p:/Music', 'one total per folder'],
    ["pcutil du -s --include '*.{mp4,mkv}' p:/", 'how much space the videos take'],
    ['pcutil du -s --min-age 1y p:/Backup', 'what has not changed for a year'],
    ['pcutil du --json p:/Photos', 'exact byte counts for scripts'],
  ],
  async handler(ctx) {
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
  },
});
