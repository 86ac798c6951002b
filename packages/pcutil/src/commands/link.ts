import { defineCommand } from '@pcloud/core/cli';
import { TIME_FORMS } from '../filter/parse-time.js';

/** `pcutil link`: public links to pCloud files and folders: create, list, delete. */
export const linkCommand = defineCommand({
  name: 'link',
  describe: 'create a public link to a pCloud file or folder and print its URL; --list and --delete manage links',
  positionals: {
    target: { describe: 'PATH (p: is optional), or with --delete a PATH or a LINKID from --list', optional: true },
  },
  options: {
    expire: { type: 'string', oneShot: true, describe: `the link stops working after AGE or at DATE: ${TIME_FORMS}` },
    'max-downloads': { type: 'integer', oneShot: true, min: 1, describe: 'the link stops working after N downloads' },
    list: { type: 'boolean', oneShot: true, describe: 'list every public link of the account, expired and used-up ones too' },
    delete: {
      type: 'boolean',
      oneShot: true,
      describe: 'delete the link LINKID, or every link to PATH (a bare number is a LINKID: write p:/123 for a file named 123)',
    },
  },
  json: true,
  examples: [
    ['pcutil link p:/Docs/report.pdf', 'print a public link anyone can open'],
    ['pcutil link --expire 7d --max-downloads 10 p:/Videos/talk.mp4', 'a link that works for a week, 10 downloads at most'],
    ['pcutil link --expire 2026-12-31 p:/Photos/Trip', 'a link to a whole folder, until the end of 2026'],
    ['pcutil link --list', 'every link: id, URL, name, downloads, expiry'],
    ['pcutil link --delete p:/Docs/report.pdf', 'stop sharing a file (every link to it)'],
    ['pcutil link --delete 12345', 'delete one link by the id --list shows'],
  ],
  // Its code, and the client under it, load only when link runs: not for --help or another command.
  handler: async (ctx): Promise<void> => (await import('./link-handler.js')).runLink(ctx),
});
