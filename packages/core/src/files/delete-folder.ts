/** Deleting one empty folder (`deletefolder`, pcloud-api.md §3.5). */
import type { CallOptions, PCloudClient } from '../client/create-client.js';
import type { FolderRef } from '../client/method-table.js';
import type { FolderMetadata } from '../client/types.js';

/** Deletes an empty folder (`deletefolder`); a non-empty one fails with 2006, the root with 2007. */
export async function deleteFolder(client: PCloudClient, ref: FolderRef, call?: CallOptions): Promise<FolderMetadata> {
  const answer = await client.call('deletefolder', ref, call);
  return answer.metadata;
}
