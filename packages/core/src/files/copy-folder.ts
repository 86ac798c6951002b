/** Server-side copy of a folder tree (`copyfolder`, pcloud-api.md §3.7). */
import type { CallOptions, PCloudClient } from '../client/create-client.js';
import type { FolderRef } from '../client/method-table.js';
import type { FolderMetadata } from '../client/types.js';

/** Where a folder copy goes, and how conflicts are handled. */
export interface CopyFolderOptions {
  /** Destination parent folder id (or give `topath`). */
  tofolderid?: number;
  /** Destination path. */
  topath?: string;
  /** Fail with 2004 on an existing file instead of overwriting it. */
  noover?: boolean;
  /** Silently keep files that already exist. */
  skipexisting?: boolean;
  /** Copy only the folder's contents into the destination, not the folder itself. */
  copycontentonly?: boolean;
}

/** Copies a folder with its sub-tree on the server (`copyfolder`); answers the created folder's metadata. */
export async function copyFolder(
  client: PCloudClient,
  ref: FolderRef,
  options: CopyFolderOptions,
  call?: CallOptions,
): Promise<FolderMetadata> {
  const params = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined && value !== false));
  const answer = await client.call('copyfolder', { ...ref, ...params }, call);
  return answer.metadata;
}
