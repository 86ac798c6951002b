import { defineCommand } from '@pcloud/core/cli';
import { filterOptions } from './filter-options.js';

/** `pcutil rm`: delete pCloud files and folders, as the original did. */
export const rmCommand = defineCommand({
  name: 'rm',
  describe: 'remove pCloud files and folders (p: is optional: rm tmp means p:/tmp)',
  positionals: { paths: { describe: 'PATH...: pCloud paths, taken from the root', variadic: true } },
  options: {
    recursive: {
      type: 'boolean',
      alias: 'r',
      describe:
        'remove folders and everything in them; with filters, only the files they take, and the folders left empty by that (PATH itself stays)',
    },
    ...filterOptions,
  },
  dryRun: true,
  json: true,
  examples: [
    ['pcutil rm p:/old.txt', 'remove a file'],
    ['pcutil rm tmp/empty-folder', 'remove an empty folder (p: is optional)'],
    ['pcutil rm -r p:/tmp', 'remove a folder and everything in it; prints what was deleted'],
    ['pcutil rm -d -r p:/a p:/b', 'show what would be removed, remove nothing'],
    ["pcutil rm -r --include '*.tmp' p:/work", 'remove the .tmp files below p:/work, and folders that held nothing else'],
    ['pcutil rm -r --min-age 90d p:/logs', 'remove the logs last changed over 90 days ago'],
    ["pcutil rm -d -v -r --exclude '/keep/' p:/scratch", 'show what would go and what the filter leaves alone'],
  ],
  // Its code, and the client under it, load only when rm runs: not for --help or another command.
  handler: async (ctx): Promise<number> => (await import('./rm-handler.js')).runRm(ctx),
});
