import { downloadToStream, isNotFound, stat } from '@pcloud/core';
import { defineCommand } from '@pcloud/core/cli';
import { formatLoc } from '../plan/loc.js';
import { byteStream } from '../run/byte-stream.js';
import { parseRemoteArgs } from './remote-args.js';
import { errorReason } from '../run/error-reason.js';

/** `pcutil cat`: print pCloud files. */
export const catCommand = defineCommand({
  name: 'cat',
  describe: 'write pCloud files to standard output, verified by sha1 (p: is optional)',
  positionals: { paths: { describe: 'PATH...: files to print, in order', variadic: true } },
  examples: [
    ['pcutil cat p:/notes/todo.txt', 'print a file'],
    ['pcutil cat p:/backup.tar | tar x', 'stream a file into another program'],
  ],
  async handler(ctx) {
    const { locs, location } = parseRemoteArgs(ctx.args.paths);
    const client = await ctx.client(location);
    const stdout = byteStream(ctx.io.stdout);
    let failed = false;
    for (const loc of locs) {
      try {
        const found = await stat(client, { path: loc.path }).catch((error: unknown) => (isNotFound(error) ? undefined : Promise.reject(error)));
        if (found === undefined) throw new Error('no such file');
        if (found.isfolder) throw new Error('is a folder');
        await downloadToStream(client, { fileid: found.fileid }, stdout, { signal: ctx.signal });
      } catch (error) {
        failed = true;
        ctx.io.stderr.write(`pcutil: ${formatLoc(loc)}: ${errorReason(error)}\n`);
      }
    }
    return failed ? 1 : 0;
  },
});
