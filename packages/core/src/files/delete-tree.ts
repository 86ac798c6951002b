/** Deleting a folder with everything below it (`deletefolderrecursive`, pcloud-api.md §3.6). */
import type { CallOptions, PCloudClient } from '../client/create-client.js';
import type { FolderRef } from '../client/method-table.js';

/** The server's counts of what a recursive delete removed (the folder itself is among the folders). */
export interface DeleteTreeResult {
  deletedfiles: number;
  deletedfolders: number;
}

/** Deletes a folder and its whole sub-tree (`deletefolderrecursive`); the root fails with 2007. */
export async function deleteTree(client: PCloudClient, ref: FolderRef, call?: CallOptions): Promise<DeleteTreeResult> {
  const answer = await client.call('deletefolderrecursive', ref, call);
  return { deletedfiles: answer.deletedfiles, deletedfolders: answer.deletedfolders };
}
