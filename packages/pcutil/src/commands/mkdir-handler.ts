import { createFolder, mkdirp } from '@pcloud/core';
import { formatLoc } from '../plan/loc.js';
import { parseRemoteArgs } from '../remote/remote-args.js';
import { errorReason } from '../report/error-reason.js';
import type { mkdirCommand } from './mkdir.js';

/** What `pcutil mkdir` runs: create pCloud folders. */
export async function runMkdir(ctx: Parameters<(typeof mkdirCommand)['handler']>[0]): Promise<number> {
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
}
