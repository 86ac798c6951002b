import { isNotFound, listFolder, stat, walkTree, type PCloudClient } from '@pcloud/core';
import type { FileEntry, FolderEntry } from '../plan/types.js';
import { toEntry } from './to-entry.js';

/**
 * Lists a folder (`listfolder`), recursively when asked through core's walk, which falls back to
 * folder-by-folder listings where pCloud refuses a recursive one (the root since 2026, huge trees).
 */
export async function listRemoteFolder(
  client: PCloudClient,
  ref: { path: string } | { folderid: number },
  recursive: boolean,
  signal?: AbortSignal,
): Promise<FolderEntry> {
  // Dates as numbers: a 10,000-file listing is an eighth shorter, and its dates need no parsing.
  if (recursive) return toEntry((await walkTree(client, ref, { timestamps: true, ...(signal ? { signal } : {}) })).root) as FolderEntry;
  return toEntry(await listFolder(client, ref, {}, signal ? { signal } : undefined)) as FolderEntry;
}

/**
 * What is at a pCloud path: a folder (listed, recursively when asked) wins over a file of the same
 * name, as pCloud allows both; undefined when neither exists. Calls `listfolder`, then `stat`.
 */
export async function findRemote(client: PCloudClient, path: string, recursive: boolean): Promise<FileEntry | FolderEntry | undefined> {
  try {
    return await listRemoteFolder(client, path === '/' ? { folderid: 0 } : { path }, recursive);
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  try {
    const metadata = await stat(client, { path });
    return metadata.isfolder ? undefined : toEntry(metadata);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}
