import { defineCommand } from '@pcloud/core/cli';
import { filterOptions } from './filter-options.js';

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
  // Its code, and the client under it, load only when du runs: not for --help or another command.
  handler: async (ctx): Promise<number> => (await import('./du-handler.js')).runDu(ctx),
});
