import { PCloudError, renameFile, renameFolder } from '@pcloud/core';
import type { CommandContext } from '@pcloud/core/cli';
import { baseName, childLoc, formatLoc, isWithin } from '../plan/loc.js';
import { parseRemoteArgs } from '../remote/remote-args.js';
import { findRemote } from '../remote/remote-tree.js';
import { errorReason } from '../report/error-reason.js';

/**
 * `pcutil mv`'s work, on the server (`renamefile`, `renamefolder`): an existing DEST folder
 * receives the sources under their names (several sources need one), otherwise the one source
 * becomes DEST. A folder never moves into itself nor replaces a file, and the root never moves.
 * A failed source is reported and the others still move; answers the exit code.
 */
export async function movePaths(ctx: Pick<CommandContext, 'client' | 'io' | 'out' | 'dryRun'>, paths: readonly string[]): Promise<number> {
  const { locs, location } = parseRemoteArgs(paths);
  const client = await ctx.client(location);
  const dest = locs[locs.length - 1]!;
  const destEntry = dest.path === '/' ? ({ kind: 'folder' } as const) : await findRemote(client, dest.path, false);
  const intoFolder = destEntry?.kind === 'folder';
  if (locs.length > 2 && !intoFolder)
    throw new PCloudError('NOT_FOUND', `${formatLoc(dest)}: not an existing folder (several sources need one)`);
  let failed = false;
  for (const from of locs.slice(0, -1)) {
    try {
      const source = await findRemote(client, from.path, false);
      if (source === undefined || from.path === '/')
        throw new Error(from.path === '/' ? 'the root folder cannot be moved' : 'no such file or folder');
      // Named as the user typed it, never as the server lists it.
      const to = intoFolder ? childLoc(dest, baseName(from)) : dest;
      if (source.kind === 'folder' && isWithin(to, from)) throw new Error('cannot move a folder into itself');
      if (source.kind === 'folder' && destEntry?.kind === 'file' && !intoFolder)
        throw new Error(`cannot replace the file ${formatLoc(dest)} with a folder`);
      const line = `mv ${formatLoc(from)} ${formatLoc(to)}`;
      if (ctx.dryRun) {
        ctx.out.line(line);
        continue;
      }
      if (source.kind === 'file')
        await renameFile(client, source.id === undefined ? { path: from.path } : { fileid: source.id }, { topath: to.path });
      else await renameFolder(client, source.id === undefined ? { path: from.path } : { folderid: source.id }, { topath: to.path });
      ctx.out.verbose(line);
    } catch (error) {
      failed = true;
      ctx.io.stderr.write(`pcutil: ${formatLoc(from)}: ${errorReason(error)}\n`);
    }
  }
  return failed ? 1 : 0;
}
