import { escapeControl, isNotFound, listFolder, PCloudError, stat, walkTree, type FolderMetadata, type Metadata, type PCloudClient } from '@pcloud/core';
import { defineCommand } from '@pcloud/core/cli';
import { formatListingRow, listingRows, type ListingRow } from '../list/format-listing.js';
import { parseRemoteArgs } from '../remote/remote-args.js';

/** A folder listed deep enough for -R, or a lone file; undefined when nothing is there. */
async function describePath(client: PCloudClient, path: string, recursive: boolean): Promise<Metadata | undefined> {
  const ref = path === '/' ? { folderid: 0 } : { path };
  try {
    return recursive ? (await walkTree(client, ref)).root : await listFolder(client, ref);
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  try {
    const found = await stat(client, { path });
    return found.isfolder ? undefined : found;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** Every folder of a walked tree with its own path, parents before children, as `ls -R` shows them. */
function* sections(folder: FolderMetadata, path: string): Generator<{ path: string; rows: ListingRow[] }> {
  const contents = folder.contents ?? [];
  yield { path, rows: listingRows(path, contents) };
  const children = contents.filter((item): item is FolderMetadata => item.isfolder).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const child of children) yield* sections(child, path === '/' ? `/${child.name}` : `${path}/${child.name}`);
}

/** `pcutil ls`: list a pCloud folder. */
export const lsCommand = defineCommand({
  name: 'ls',
  describe: 'list a pCloud folder (default p:/)',
  positionals: { path: { describe: 'PATH: a pCloud folder or file (p: is optional)', optional: true } },
  options: {
    long: { type: 'boolean', alias: 'l', describe: 'show type, size and modification time (UTC)' },
    recursive: { type: 'boolean', alias: 'R', describe: 'list sub-folders too' },
  },
  json: true,
  examples: [
    ['pcutil ls', 'list the root folder'],
    ['pcutil ls -l p:/Music', 'sizes and dates'],
    ['pcutil ls -R --json p:/Photos', 'the whole tree, for scripts'],
  ],
  async handler(ctx) {
    const { locs, location } = parseRemoteArgs([ctx.args.path ?? '/']);
    const path = locs[0]?.path ?? '/';
    const found = await describePath(await ctx.client(location), path, ctx.args.recursive);
    if (found === undefined) throw new PCloudError('NOT_FOUND', `p:${path}: no such file or folder`);
    const all = found.isfolder ? [...sections(found, path)] : [{ path, rows: listingRows(path.slice(0, path.lastIndexOf('/')) || '/', [found]) }];
    if (ctx.json) return void ctx.out.json(all.flatMap((section) => section.rows));
    all.forEach((section, index) => {
      if (ctx.args.recursive) ctx.out.line(`${index > 0 ? '\n' : ''}p:${escapeControl(section.path)}:`);
      for (const row of section.rows) ctx.out.line(formatListingRow(row, ctx.args.long));
    });
  },
});
