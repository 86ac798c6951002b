/** One folder's listing (`listfolder`, pcloud-api.md §3.1). */
import type { CallOptions, PCloudClient } from '../client/create-client.js';
import type { FolderRef } from '../client/method-table.js';
import type { FolderMetadata } from '../client/types.js';

/** Options of {@link listFolder}. */
export interface ListFolderOptions {
  /** The whole sub-tree in one answer; pCloud refuses it for the root (1101) and for huge trees (5000). Prefer {@link walkTree}. */
  recursive?: boolean;
  /** Folders only. */
  nofiles?: boolean;
  /** Include deleted, restorable items. */
  showdeleted?: boolean;
  /** Only the caller's own items. */
  noshares?: boolean;
}

/** Lists a folder (`listfolder`): its metadata with `contents`. */
export async function listFolder(
  client: PCloudClient,
  ref: FolderRef,
  options: ListFolderOptions = {},
  call?: CallOptions,
): Promise<FolderMetadata & { contents: NonNullable<FolderMetadata['contents']> }> {
  const answer = await client.call('listfolder', { ...ref, ...flags(options) }, call);
  const folder = answer.metadata;
  return { ...folder, contents: folder.contents ?? [] };
}

function flags(options: ListFolderOptions): ListFolderOptions {
  const out: ListFolderOptions = {};
  for (const key of ['recursive', 'nofiles', 'showdeleted', 'noshares'] as const) if (options[key]) out[key] = true;
  return out;
}
