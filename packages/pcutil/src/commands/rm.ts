import { defineCommand } from '@pcloud/core/cli';
import { runRemove } from '../remove/run-remove.js';

/** `pcutil rm`: delete pCloud files and folders, as the original did. */
export const rmCommand = defineCommand({
  name: 'rm',
  describe: 'remove pCloud files and folders (p: is optional: rm tmp means p:/tmp)',
  positionals: { paths: { describe: 'PATH...: pCloud paths, taken from the root', variadic: true } },
  options: {
    recursive: { type: 'boolean', alias: 'r', describe: 'remove folders and everything in them' },
  },
  dryRun: true,
  json: true,
  examples: [
    ['pcutil rm p:/old.txt', 'remove a file'],
    ['pcutil rm tmp/empty-folder', 'remove an empty folder (p: is optional)'],
    ['pcutil rm -r p:/tmp', 'remove a folder and everything in it; prints what was deleted'],
    ['pcutil rm -d -r p:/a p:/b', 'show what would be removed, remove nothing'],
  ],
  async handler(ctx) {
    return runRemove(ctx, ctx.args.paths, { recursive: ctx.args.recursive });
  },
});
