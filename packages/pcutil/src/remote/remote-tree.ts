import { ApiError, type FolderMetadata, type PCloudClient } from '@pcloud/core';
import type { FileEntry, FolderEntry } from '../plan/types.js';
import { toEntry } from './to-entry.js';

/** Results that mean "nothing there" for a path lookup (missing folder, file, or parent). */
const ABSENT = new Set([2002, 2005, 2009, 2010, 2055]);
/** Results of a recursive listing that a folder-by-folder walk avoids: root refused (1101), tree too big (5000). */
const LIST_PIECEWISE = new Set([1101, 5000]);

/** True when a failed call only says that the path does not exist. */
export function isAbsent(error: unknown): boolean {
  return error instanceof ApiError && ABSENT.has(error.result);
}

/**
 * Lists a folder (`listfolder`), recursively when asked. When pCloud refuses a recursive listing
 * (1101 for the root since 2026, 5000 for huge trees) it lists one level and recurses per
 * sub-folder instead, so `cp -r p:/ …` works.
 */
export async function listRemoteFolder(client: PCloudClient, ref: { path: string } | { folderid: number }, recursive: boolean): Promise<FolderEntry> {
  try {
    const { metadata } = await client.call('listfolder', { ...ref, recursive });
    return toEntry(metadata) as FolderEntry;
  } catch (error) {
    if (!recursive || !(error instanceof ApiError) || !LIST_PIECEWISE.has(error.result)) throw error;
  }
  const { metadata } = await client.call('listfolder', { ...ref });
  const shallow: FolderMetadata = { ...metadata, contents: (metadata.contents ?? []).filter((child) => !child.isfolder) };
  const folder = toEntry(shallow) as FolderEntry;
  for (const child of metadata.contents ?? []) {
    if (child.isfolder && child.isdeleted !== true) folder.children?.push(await listRemoteFolder(client, { folderid: child.folderid }, true));
  }
  return folder;
}

/**
 * What is at a pCloud path: a folder (listed, recursively when asked) wins over a file of the same
 * name, as pCloud allows both; undefined when neither exists. Calls `listfolder`, then `stat`.
 */
export async function findRemote(client: PCloudClient, path: string, recursive: boolean): Promise<FileEntry | FolderEntry | undefined> {
  try {
    return await listRemoteFolder(client, path === '/' ? { folderid: 0 } : { path }, recursive);
  } catch (error) {
    if (!isAbsent(error)) throw error;
  }
  try {
    const { metadata } = await client.call('stat', { path });
    return metadata.isfolder ? undefined : toEntry(metadata);
  } catch (error) {
    if (isAbsent(error)) return undefined;
    throw error;
  }
}
