import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { parsePCloudDate, walkTree, type FolderMetadata, type PCloudClient } from '@pcloud/core';
import type { Emulator } from '@pcloud/emulator';

/**
 * A tree as sync must leave it, comparable across sides: relative path (`/`-separated) →
 * `folder`, or `size sha1 mtime` (Unix seconds) for a file.
 */
export type TreeState = Map<string, string>;

/** The state of a local folder (missing: empty). */
export async function localState(root: string): Promise<TreeState> {
  const state: TreeState = new Map();
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true }).catch(() => [])) {
    const path = join(entry.parentPath, entry.name);
    const rel = relative(root, path).split(sep).join('/');
    if (entry.isDirectory()) state.set(rel, 'folder');
    else {
      // Read while a sync runs, a temporary file may be renamed away between the listing and the read.
      const read = await Promise.all([stat(path), readFile(path)]).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined;
        throw error;
      });
      if (!read) continue;
      const [info, bytes] = read;
      state.set(rel, `${info.size} ${createHash('sha1').update(bytes).digest('hex')} ${Math.floor(info.mtimeMs / 1000)}`);
    }
  }
  return new Map([...state].sort());
}

/** The state of a pCloud folder, sha1s by `checksumfile` (missing: empty). */
export async function remoteState(client: PCloudClient, path: string): Promise<TreeState> {
  const state: TreeState = new Map();
  const listed = await walkTree(client, { path }).catch(() => undefined);
  const visit = async (folder: FolderMetadata, prefix: string): Promise<void> => {
    for (const item of folder.contents ?? []) {
      const rel = `${prefix}${item.name}`;
      if (item.isfolder) {
        state.set(rel, 'folder');
        await visit(item, `${rel}/`);
      } else {
        const { sha1 } = await client.call('checksumfile', { fileid: item.fileid });
        state.set(rel, `${item.size} ${sha1} ${parsePCloudDate(item.modified)}`);
      }
    }
  };
  if (listed) await visit(listed.root, '');
  return new Map([...state].sort());
}

/** Runs `work` and answers what it answered with the emulator's calls meanwhile, by method. */
export async function callsDuring<T>(emulator: Emulator, work: () => Promise<T>): Promise<[T, Record<string, number>]> {
  const before = { ...emulator.faults.calls };
  const result = await work();
  const spent: Record<string, number> = {};
  for (const [method, count] of Object.entries(emulator.faults.calls)) {
    const more = count - (before[method] ?? 0);
    if (more > 0) spent[method] = more;
  }
  return [result, spent];
}
