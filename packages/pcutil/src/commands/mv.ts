import { PCloudError, renameFile, renameFolder } from '@pcloud/core';
import { defineCommand } from '@pcloud/core/cli';
import { baseName, childLoc, formatLoc, isWithin } from '../plan/loc.js';
import { findRemote } from '../remote/remote-tree.js';
import { parseRemoteArgs } from '../remote/remote-args.js';
import { errorReason } from '../report/error-reason.js';

/** `pcutil mv`: rename or move pCloud files and folders on the server. */
export const mvCommand = defineCommand({
  name: 'mv',
  describe: 'rename or move pCloud files and folders on the server (p: is optional)',
  positionals: { paths: { describe: 'SOURCE... DEST: an existing DEST folder receives the sources under their names', variadic: true } },
  dryRun: true,
  examples: [
    ['pcutil mv p:/draft.txt p:/final.txt', 'rename a file'],
    ['pcutil mv p:/a.txt p:/b.txt p:/Archive', 'move two files into a folder'],
    ['pcutil mv p:/Old p:/Archive/Old-2025', 'move and rename a folder'],
  ],
  async handler(ctx) {
    if (ctx.args.paths.length < 2) throw new PCloudError('USAGE_ERROR', 'mv needs a SOURCE and a DEST');
    const { locs, location } = parseRemoteArgs(ctx.args.paths);
    const client = await ctx.client(location);
    const dest = locs[locs.length - 1]!;
    const destEntry = dest.path === '/' ? ({ kind: 'folder' } as const) : await findRemote(client, dest.path, false);
    const intoFolder = destEntry?.kind === 'folder';
    if (locs.length > 2 && !intoFolder) throw new PCloudError('NOT_FOUND', `${formatLoc(dest)}: not an existing folder (several sources need one)`);
    let failed = false;
    for (const from of locs.slice(0, -1)) {
      try {
        const source = await findRemote(client, from.path, false);
        if (source === undefined || from.path === '/') throw new Error(from.path === '/' ? 'the root folder cannot be moved' : 'no such file or folder');
        // Named as the user typed it, never as the server lists it.
        const to = intoFolder ? childLoc(dest, baseName(from)) : dest;
        if (source.kind === 'folder' && isWithin(to, from)) throw new Error('cannot move a folder into itself');
        if (source.kind === 'folder' && destEntry?.kind === 'file' && !intoFolder) throw new Error(`cannot replace the file ${formatLoc(dest)} with a folder`);
        const line = `mv ${formatLoc(from)} ${formatLoc(to)}`;
        if (ctx.dryRun) {
          ctx.out.line(line);
          continue;
        }
        if (source.kind === 'file') await renameFile(client, source.id === undefined ? { path: from.path } : { fileid: source.id }, { topath: to.path });
        else await renameFolder(client, source.id === undefined ? { path: from.path } : { folderid: source.id }, { topath: to.path });
        ctx.out.verbose(line);
      } catch (error) {
        failed = true;
        ctx.io.stderr.write(`pcutil: ${formatLoc(from)}: ${errorReason(error)}\n`);
      }
    }
    return failed ? 1 : 0;
  },
});
