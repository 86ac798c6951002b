import { createTool, packageVersion } from '@pcloud/core/cli';
import { catCommand } from './commands/cat.js';
import { cpCommand } from './commands/cp.js';
import { duCommand } from './commands/du.js';
import { linkCommand } from './commands/link.js';
import { lsCommand } from './commands/ls.js';
import { mkdirCommand } from './commands/mkdir.js';
import { mvCommand } from './commands/mv.js';
import { rmCommand } from './commands/rm.js';
import { syncCommand } from './commands/sync.js';

/** `pcutil`'s entry point, `run(argv, io)`: never exits the process, answers the exit code. */
export const run = createTool({
  name: 'pcutil',
  version: packageVersion('@pcloud/pcutil', import.meta.url),
  description:
    'Copy, sync, list, move and remove files between your disk and pCloud, measure folders and share public links, fast and safe: parallel, verified by sha1, never leaving partial files.',
  commands: [cpCommand, syncCommand, rmCommand, lsCommand, mkdirCommand, mvCommand, catCommand, duCommand, linkCommand],
  examples: [
    ['pcutil cp -r ~/Photos p:/Backup', 'upload a folder'],
    ['pcutil cp -r p:/Backup/Photos ~/restore', 'download it again'],
    ['pcutil sync --delete ~/Photos p:/Backup', 'keep p:/Backup/Photos the same as ~/Photos, copying only what changed'],
    ['pcutil ls -l p:/Backup', 'see what is there'],
    ['pcutil rm -r p:/Backup/Photos', 'remove it'],
    ['pcutil du -s p:/Backup', 'how much it takes'],
    ['pcutil link p:/Backup/report.pdf --expire 7d', 'share a file for a week'],
    ['pcutil ls pcloud://api.pcloud.com/Backup', 'with the token in PCLOUD_ACCESS_TOKEN (authid= would show in the process list)'],
  ],
  epilogue:
    "pCloud paths are written p:/folder/file (or pcloud://eapi.pcloud.com/folder, with the token in PCLOUD_ACCESS_TOKEN: ?authid=TOKEN works too, but other users can read it in the process list). The first run opens the pCloud login page and stores a token in ~/.config/pcloud.json. Run pcutil COMMAND --help for each command's options and examples.",
});
