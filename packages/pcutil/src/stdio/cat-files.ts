import { downloadToStream, isNotFound, stat } from '@pcloud/core';
import type { CommandContext } from '@pcloud/core/cli';
import { parseRemoteArgs } from '../remote/remote-args.js';
import { formatLoc } from '../plan/loc.js';
import { byteStream } from './byte-stream.js';
import { errorReason } from '../report/error-reason.js';

/** `pcutil cat`'s work: downloads each file (pCloud `stat`, `getfilelink`) to standard output in order; answers the exit code. */
export async function catFiles(ctx: Pick<CommandContext, 'client' | 'io' | 'signal'>, paths: readonly string[]): Promise<number> {
  const { locs, location } = parseRemoteArgs(paths);
  const client = await ctx.client(location);
  const stdout = byteStream(ctx.io.stdout);
  let failed = false;
  for (const loc of locs) {
    try {
      const found = await stat(client, { path: loc.path }).catch((error: unknown) =>
        isNotFound(error) ? undefined : Promise.reject(error),
      );
      if (found === undefined) throw new Error('no such file');
      if (found.isfolder) throw new Error('is a folder');
      await downloadToStream(client, { fileid: found.fileid }, stdout, { signal: ctx.signal });
    } catch (error) {
      failed = true;
      ctx.io.stderr.write(`pcutil: ${formatLoc(loc)}: ${errorReason(error)}\n`);
    }
  }
  return failed ? 1 : 0;
}
