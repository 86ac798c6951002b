import { defineCommand } from '@pcloud/core/cli';
import { filterOptions } from './filter-options.js';

/** `pcutil sync`: make a folder on one side hold exactly what a folder on the other holds. */
export const syncCommand = defineCommand({
  name: 'sync',
  describe: 'make DEST hold what SOURCE holds (up, down or on pCloud): copy only what changed; --delete removes what SOURCE lacks',
  positionals: {
    paths: {
      describe:
        'SOURCE DEST: two folders, one or both on pCloud (p:/path). As cp -r: `tree` lands in DEST/tree, `tree/` (a last slash) makes DEST itself the mirror',
      variadic: true,
    },
  },
  options: {
    checksum: {
      type: 'boolean',
      alias: 'c',
      describe:
        'compare contents (sha1) instead of size and modification time; sha1s are cached ($XDG_CACHE_HOME or ~/.cache/pcloud), so later runs read only new or changed files',
    },
    'size-only': { type: 'boolean', describe: 'compare sizes only' },
    delete: {
      type: 'boolean',
      oneShot: true,
      describe:
        'also remove from DEST the files and folders SOURCE does not have: last, and only when every copy succeeded (else nothing is removed); try it with -d first',
    },
    'max-delete': {
      type: 'integer',
      min: 0,
      describe: 'with --delete: when more than N files and folders (counting what a folder holds) would be removed, remove none of them',
    },
    'follow-links': {
      type: 'boolean',
      alias: 'L',
      describe: 'descend into symbolic links to folders inside a local SOURCE (links to files are always followed)',
    },
    jobs: {
      type: 'integer',
      alias: 'j',
      min: 1,
      max: 64,
      describe:
        'transfers in parallel (default: as cp, adaptive, 16 at first, up to 32 while the rate rises, fewer when pCloud pushes back; deletions 16 at a time)',
    },
    ...filterOptions,
  },
  dryRun: true,
  json: true,
  examples: [
    ['pcutil sync ~/Photos p:/Backup', 'mirror ~/Photos into p:/Backup/Photos: copy what is new or changed'],
    [
      'pcutil sync --delete ~/Photos/ p:/Backup/Photos',
      'the same folder (a last / means contents), and remove what ~/Photos no longer has',
    ],
    ['pcutil sync -d --delete ~/Photos/ p:/Backup/Photos', 'show what it would copy and remove (and why), changing nothing'],
    ['pcutil sync --delete --max-delete 100 ~/work/ p:/work', 'a nightly job that refuses to delete more than 100 items at once'],
    ['pcutil sync p:/Backup/Photos/ ~/Photos', 'the other way: bring down what changed on pCloud'],
    ['pcutil sync --checksum ~/Music/ p:/Music', 'compare by content; later runs read only new or changed files'],
    ['pcutil sync p:/Projects/ p:/Archive/Projects', 'between two pCloud folders: copies happen on the server'],
    [
      "pcutil sync --delete --exclude '*.tmp' --exclude node_modules/ ~/work/ p:/work",
      'leave some files out: never copied, and never deleted from DEST',
    ],
  ],
  // Its code, and the client under it, load only when sync runs: not for --help or another command.
  handler: async (ctx): Promise<number> => (await import('./sync-handler.js')).runSyncCommand(ctx),
});
