/**
 * A folder tree as a stream of entries: `for await (const entry of walk(client, '/Music'))`.
 * Each folder is listed on its own (`listfolder` without `recursive`) and only when the loop
 * asks for more than the listings so far gave, so a tree too big to hold is walked in the memory
 * of one listing, and a `break` sends no further calls. For the whole tree in the fewest calls,
 * see walkTree.
 */
import type { PCloudClient } from '../client/create-client.js';
import type { FolderRef } from '../client/method-table.js';
import { PCloudError } from '../errors.js';
import { normalizeRemotePath } from '../location/remote-path.js';
import type { TreeEntry } from './tree-entries.js';

/** Options of {@link walk}. */
export interface WalkOptions {
  /** Folders only. */
  nofiles?: boolean;
  /** Stops the walk: the pending listing rejects with an ABORTED error. */
  signal?: AbortSignal;
}

interface PendingFolder {
  ref: FolderRef;
  prefix: string;
  depth: number;
}

function isSegment(name: unknown): name is string {
  return typeof name === 'string' && name !== '' && name !== '.' && name !== '..' && !/[/\0]/.test(name);
}

/**
 * Yields every file and folder below `folder` (a path or a `folderid`), a folder before its
 * contents, each with its path below `folder`. A name that could not be one path segment
 * (empty, `.`, `..`, holding `/`) fails the walk: the server's names are not trusted to build paths.
 */
export async function* walk(client: PCloudClient, folder: string | FolderRef, options: WalkOptions = {}): AsyncGenerator<TreeEntry> {
  const top: FolderRef = typeof folder === 'string' ? { path: normalizeRemotePath(folder).path } : folder;
  const pending: PendingFolder[] = [{ ref: top, prefix: '', depth: 1 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const params = { ...next.ref, ...(options.nofiles ? { nofiles: true } : {}) };
    const { metadata } = await client.call('listfolder', params, options.signal ? { signal: options.signal } : {});
    const below: PendingFolder[] = [];
    for (const item of metadata.contents ?? []) {
      if (!isSegment(item.name)) {
        throw new PCloudError(
          'PROTOCOL_ERROR',
          `listfolder: the server listed the name ${JSON.stringify(item.name)} in ${next.prefix || '/'}.`,
        );
      }
      const path = next.prefix + item.name;
      yield { path, item, depth: next.depth };
      if (item.isfolder) below.push({ ref: { folderid: item.folderid }, prefix: `${path}/`, depth: next.depth + 1 });
    }
    pending.push(...below.reverse());
  }
}

/** Every entry of {@link walk} in one array: for trees small enough to hold. */
export async function walkAll(client: PCloudClient, folder: string | FolderRef, options: WalkOptions = {}): Promise<TreeEntry[]> {
  const entries: TreeEntry[] = [];
  for await (const entry of walk(client, folder, options)) entries.push(entry);
  return entries;
}
