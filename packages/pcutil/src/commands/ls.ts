import { PCloudError } from '@pcloud/core';
import { escapeControl } from '@pcloud/core/internal';
import { defineCommand } from '@pcloud/core/cli';
import { formatListingRow } from '../list/format-listing.js';
import { listPath } from '../list/list-path.js';
import { parseRemoteArgs } from '../remote/remote-args.js';
import { filterFromContext, filterOptions } from './filter-options.js';

/** `pcutil ls`: list a pCloud folder. */
export const lsCommand = defineCommand({
  name: 'ls',
  describe: 'list a pCloud folder (default p:/)',
  positionals: { path: { describe: 'PATH: a pCloud folder or file (p: is optional)', optional: true } },
  options: {
    long: { type: 'boolean', alias: 'l', describe: 'show type, size and modification time (UTC)' },
    recursive: { type: 'boolean', alias: 'R', describe: 'list sub-folders too' },
    ...filterOptions,
  },
  json: true,
  examples: [
    ['pcutil ls', 'list the root folder'],
    ['pcutil ls -l p:/Music', 'sizes and dates'],
    ['pcutil ls -R --json p:/Photos', 'the whole tree, for scripts'],
    ["pcutil ls -R --exclude '*.tmp' --exclude cache/ p:/work", 'see exactly what cp -r with these filters would copy'],
    ['pcutil ls -R -l --min-size 1G p:/', 'find the big files'],
  ],
  async handler(ctx) {
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
  },
});
