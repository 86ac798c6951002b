/**
 * Metadata of one file or folder by path or id (`stat`, pcloud-api.md §4.4). The root is
 * answered from `listfolder` because pCloud's `stat` of `/` is undocumented and the original
 * tools never ask for it.
 */
import type { CallOptions, PCloudClient } from '../client/create-client.js';
import type { Metadata } from '../client/types.js';
import { isNotFound } from './not-found.js';

/** A file or folder: by `fileid`, `folderid` or full `path`. */
export type ItemRef = { fileid: number } | { folderid: number } | { path: string };

function isRoot(ref: ItemRef): boolean {
  return ('folderid' in ref && ref.folderid === 0) || ('path' in ref && ref.path === '/');
}

/** Metadata of a file or folder (`stat`); rejects with an ApiError that {@link isNotFound} recognises when it is missing. */
export async function stat(client: PCloudClient, ref: ItemRef, call?: CallOptions): Promise<Metadata> {
  if (isRoot(ref)) {
    const answer = await client.call('listfolder', { folderid: 0, nofiles: true }, call);
    const { contents: _contents, ...root } = answer.metadata;
    return root;
  }
  const answer = await client.call('stat', ref as { fileid: number } | { path: string }, call);
  return answer.metadata;
}

/** Metadata of a file or folder (`stat`), or undefined when it does not exist. */
export async function tryStat(client: PCloudClient, ref: ItemRef, call?: CallOptions): Promise<Metadata | undefined> {
  try {
    return await stat(client, ref, call);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}
