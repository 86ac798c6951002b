/** Creating one folder whose parent exists (`createfolder`, pcloud-api.md §3.2). */
import type { CallOptions, PCloudClient } from '../client/create-client.js';
import type { NewItemRef } from '../client/method-table.js';
import type { FolderMetadata } from '../client/types.js';

/** Creates a folder (`createfolder`); fails with 2004 when it exists and 2002 when its parent does not. */
export async function createFolder(client: PCloudClient, ref: NewItemRef, call?: CallOptions): Promise<FolderMetadata> {
  const answer = await client.call('createfolder', ref, call);
  return answer.metadata;
}
