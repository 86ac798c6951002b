/** A file's content checksums (`checksumfile`, pcloud-api.md §4.8). */
import type { CallOptions, PCloudClient } from '../client/create-client.js';
import type { FileRef } from '../client/method-table.js';
import type { Checksums, FileMetadata } from '../client/types.js';

/** Checksums of a file and its metadata: sha1 always, sha256 on EU accounts, md5 on US accounts. */
export interface FileChecksums extends Checksums {
  metadata: FileMetadata;
}

/** The checksums of a file's current content (`checksumfile`). */
export async function checksumFile(client: PCloudClient, ref: FileRef, call?: CallOptions): Promise<FileChecksums> {
  const answer = await client.call('checksumfile', ref, call);
  return {
    sha1: answer.sha1,
    ...(answer.sha256 !== undefined ? { sha256: answer.sha256 } : {}),
    ...(answer.md5 !== undefined ? { md5: answer.md5 } : {}),
    metadata: answer.metadata,
  };
}
