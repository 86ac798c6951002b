import { defineCommand } from '@pcloud/core/cli';
import { filterOptions } from './filter-options.js';

/** `pcutil cp`: copy files and folders between this machine and pCloud, or within pCloud. */
export const cpCommand = defineCommand({
  name: 'cp',
  describe: 'copy files and folders to, from or within pCloud (p:/path or pcloud://host/path?authid=…)',
  positionals: {
    paths: { describe: 'SOURCE... DEST: local paths, p:/paths, pcloud:// locations, or - for standard input/output', variadic: true },
  },
  options: {
    recursive: {
      type: 'boolean',
      alias: 'r',
      describe:
        'copy folders and everything in them: SOURCE lands in DEST/SOURCE (DEST created if missing); SOURCE/ and . copy the contents into DEST',
    },
    'follow-links': {
      type: 'boolean',
      alias: 'L',
      describe: 'descend into symbolic links to folders inside a local SOURCE (links to files are always followed)',
    },
    update: { type: 'boolean', alias: 'u', describe: 'skip files whose destination has the same size and sha1' },
    'no-clobber': { type: 'boolean', alias: 'n', describe: 'never replace an existing destination file' },
    'in-place': {
      type: 'boolean',
      describe:
        'overwrite existing pCloud files in place, keeping their file id and public links (default: upload beside them, replace once the sha1 matches)',
    },
    jobs: {
      type: 'integer',
      alias: 'j',
      min: 1,
      max: 64,
      describe:
        'transfers in parallel (default: adaptive, 16 at first, up to 32 while the rate rises, fewer when pCloud pushes back; files of 8 MiB or more 4 at a time)',
    },
    ...filterOptions,
  },
  dryRun: true,
  json: true,
  examples: [
    ['pcutil cp report.pdf p:/Documents', 'upload into an existing folder, keeping the name'],
    ['pcutil cp report.pdf p:/Archive/2026/report-final.pdf', 'upload under a new name, creating Archive/2026'],
    ['pcutil cp -r ~/Photos p:/Backup', 'upload a folder: makes p:/Backup/Photos, creating p:/Backup if missing'],
    ['pcutil cp -r ~/Photos/ p:/Backup/Photos', 'upload only the contents of ~/Photos (the same tree again)'],
    ['pcutil cp -r p:/Music ~/restore', 'download a folder: makes ~/restore/Music'],
    ['cd ~/site && pcutil cp -r . p:/site', "upload the current folder's contents into p:/site"],
    ['pcutil cp -r -L ~/Photos p:/Backup', 'also copy the folders that symbolic links inside ~/Photos lead to'],
    ['pcutil cp -r -u -j 8 ~/work/ p:/work', 'sync up what changed, 8 transfers at a time'],
    ['pcutil cp -d -r p:/ backup', 'show what a full download would do, without doing it'],
    ['tar c src | pcutil cp - p:/src.tar', 'upload standard input'],
    ['pcutil cp p:/notes.txt -', 'print a file (same as pcutil cat)'],
    ['pcutil cp p:/a.txt p:/b/', 'copy on the server, no download'],
    [
      "pcutil cp -r --exclude node_modules/ --exclude '*.log' ~/code p:/Backup",
      'upload a folder without node_modules folders and .log files',
    ],
    ["pcutil cp -r --include '*.{jpg,png}' --max-age 7d p:/Photos ~/recent", "download this week's pictures only"],
    ['pcutil cp -r --filter-from ~/backup.rules ~/ p:/Home', "upload with an rclone-style rules file ('+ PATTERN' / '- PATTERN' lines)"],
  ],
  // Its code, and the client under it, load only when cp runs: not for --help or another command.
  handler: async (ctx): Promise<number> => (await import('./cp-handler.js')).runCp(ctx),
});
