import { defineCommand } from '@pcloud/core/cli';
import { filterOptions } from './filter-options.js';

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
  // The listing code, and the client under it, load only when ls runs: not for --help or another command.
  handler: async (ctx): Promise<void> => (await import('./ls-handler.js')).runLs(ctx),
});
