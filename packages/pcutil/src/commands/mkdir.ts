import { createFolder, mkdirp } from '@pcloud/core';
import { defineCommand } from '@pcloud/core/cli';
import { formatLoc } from '../plan/loc.js';
import { parseRemoteArgs } from '../remote/remote-args.js';
import { errorReason } from '../report/error-reason.js';

/** `pcutil mkdir`: create pCloud folders. */
export const mkdirCommand = defineCommand({
  name: 'mkdir',
  describe: 'create pCloud folders (p: is optional)',
  positionals: { paths: { describe: 'PATH...: folders to create', variadic: true } },
  options: {
    parents: { type: 'boolean', alias: 'p', describe: 'create missing parents too; an existing folder is fine' },
  },
  examples: [
    ['pcutil mkdir p:/Projects', 'create one folder in the root'],
    ['pcutil mkdir -p p:/Archive/2026/March', 'create the whole chain'],
  ],
  async handler(ctx) {
    const { locs, location } = parseRemoteArgs(ctx.args.paths);
    const client = await ctx.client(location);
    let failed = false;
    for (const loc of locs) {
      try {
        if (ctx.args.parents) await mkdirp(client, loc.path);
        else await createFolder(client, { path: loc.path });
        ctx.out.verbose(`mkfolder ${formatLoc(loc)}`);
      } catch (error) {
        failed = true;
        ctx.io.stderr.write(`pcutil: ${formatLoc(loc)}: ${errorReason(error)}\n`);
      }
    }
    return failed ? 1 : 0;
  },
});
