/** Deleting one file (`deletefile`, pcloud-api.md §4.5): it goes to the trash. */
import type { CallOptions, PCloudClient } from '../client/create-client.js';
import type { FileRef } from '../client/method-table.js';
import type { FileMetadata } from '../client/types.js';

/** Deletes a file (`deletefile`); answers its metadata with `isdeleted: true`. */
export async function deleteFile(client: PCloudClient, ref: FileRef, call?: CallOptions): Promise<FileMetadata> {
  const answer = await client.call('deletefile', ref, call);
  return answer.metadata;
}
