/** Server-side copy of a file (`copyfile`, pcloud-api.md §4.7): no bytes travel through the client. */
import type { CallOptions, PCloudClient } from '../client/create-client.js';
import type { Destination, FileRef } from '../client/method-table.js';
import type { FileMetadata } from '../client/types.js';

/** Options of {@link copyFile}. */
export interface CopyFileOptions {
  /** Fail with 2004 instead of overwriting an existing destination. */
  noover?: boolean;
  /** Modification time of the copy in Unix seconds. */
  mtime?: number;
  /** Creation time of the copy in Unix seconds (honoured together with `mtime`). */
  ctime?: number;
}

/** Copies a file on the server (`copyfile`) to `topath`, or `tofolderid` (+ `toname`); answers the copy's metadata. */
export async function copyFile(
  client: PCloudClient,
  ref: FileRef,
  to: Destination,
  options: CopyFileOptions = {},
  call?: CallOptions,
): Promise<FileMetadata> {
  const answer = await client.call('copyfile', { ...ref, ...to, ...definedOnly(options) }, call);
  return answer.metadata;
}

function definedOnly(options: CopyFileOptions): CopyFileOptions {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined && value !== false));
}
