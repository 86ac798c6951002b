/** Renaming and/or moving a folder on the server (`renamefolder`, pcloud-api.md §3.4). */
import type { CallOptions, PCloudClient } from '../client/create-client.js';
import type { Destination, FolderRef } from '../client/method-table.js';
import type { FolderMetadata } from '../client/types.js';

/**
 * Renames or moves a folder (`renamefolder`): `topath` (ending in `/` names the destination
 * parent and keeps the name), or `tofolderid` and/or `toname`.
 */
export async function renameFolder(client: PCloudClient, ref: FolderRef, to: Destination, call?: CallOptions): Promise<FolderMetadata> {
  const answer = await client.call('renamefolder', { ...ref, ...to }, call);
  return answer.metadata;
}
