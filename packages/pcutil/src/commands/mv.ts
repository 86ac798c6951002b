import { PCloudError } from '@pcloud/core';
import { defineCommand } from '@pcloud/core/cli';
import { movePaths } from '../move/move-paths.js';

/** `pcutil mv`: rename or move pCloud files and folders on the server. */
export const mvCommand = defineCommand({
  name: 'mv',
  describe: 'rename or move pCloud files and folders on the server (p: is optional)',
  positionals: { paths: { describe: 'SOURCE... DEST: an existing DEST folder receives the sources under their names', variadic: true } },
  dryRun: true,
  examples: [
    ['pcutil mv p:/draft.txt p:/final.txt', 'rename a file'],
    ['pcutil mv p:/a.txt p:/b.txt p:/Archive', 'move two files into a folder'],
    ['pcutil mv p:/Old p:/Archive/Old-2025', 'move and rename a folder'],
  ],
  async handler(ctx) {
    if (ctx.args.paths.length < 2) throw new PCloudError('USAGE_ERROR', 'mv needs a SOURCE and a DEST');
    return movePaths(ctx, ctx.args.paths);
  },
});
