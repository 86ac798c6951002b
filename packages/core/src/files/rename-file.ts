/** Renaming and/or moving a file on the server (`renamefile`, pcloud-api.md §4.6). */
import type { CallOptions, PCloudClient } from '../client/create-client.js';
import type { Destination, FileRef } from '../client/method-table.js';
import type { FileMetadata } from '../client/types.js';

/**
 * Renames or moves a file (`renamefile`): `topath` (a folder path ending in `/` keeps the name),
 * or `tofolderid` and/or `toname`. A file at the destination is replaced (`deletedfileid`).
 */
export async function renameFile(client: PCloudClient, ref: FileRef, to: Destination, call?: CallOptions): Promise<FileMetadata> {
  const answer = await client.call('renamefile', { ...ref, ...to }, call);
  return answer.metadata;
}
