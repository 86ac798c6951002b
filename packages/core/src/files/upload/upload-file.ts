/**
 * Uploading a local file or a stream with bounded memory whatever the size. A file up to the
 * threshold goes in one `uploadfile` request; a larger file, or a stream (which cannot be
 * re-read, so only chunk by chunk can it be retried), goes through `upload_create`/
 * `upload_write`/`upload_save`. Either way the sha1 computed while sending must equal the
 * server's, else CHECKSUM_MISMATCH.
 */
import type { PCloudClient } from '../../client/create-client.js';
import { PCloudError } from '../../errors.js';
import { fileChunks, streamChunks } from './chunk-source.js';
import { statLocalFile } from './local-file.js';
import { uploadResumable } from './upload-resumable.js';
import { uploadSingle } from './upload-single.js';
import { resolveUploadTarget } from './upload-target.js';
import {
  DEFAULT_CHUNK_SIZE,
  DEFAULT_FILE_CHUNK_SIZE,
  DEFAULT_RESUMABLE_THRESHOLD,
  type UploadOptions,
  type UploadResult,
  type UploadTarget,
} from './upload-types.js';

/** Uploads a local file, keeping its mtime (`uploadfile`, or `upload_*` above the threshold). */
export async function uploadFile(
  client: PCloudClient,
  localPath: string,
  target: UploadTarget,
  options: UploadOptions = {},
): Promise<UploadResult> {
  const resolved = resolveUploadTarget(target);
  const file = await statLocalFile(localPath);
  if (file.size <= (options.resumableThreshold ?? DEFAULT_RESUMABLE_THRESHOLD)) {
    return uploadSingle(client, file, resolved, options);
  }
  const chunkSize = validChunkSize(options.chunkSize ?? DEFAULT_FILE_CHUNK_SIZE);
  const mtime = options.mtime ?? file.mtime;
  const ctime = options.ctime ?? file.ctime;
  return uploadResumable(client, fileChunks(file.path, file.size, chunkSize), file.size, resolved, {
    ...options,
    mtime,
    ...(ctime !== undefined ? { ctime } : {}),
  });
}

/** Options of {@link uploadStream}: the size, when known, only feeds progress. */
export interface UploadStreamOptions extends UploadOptions {
  size?: number;
}

/** Uploads a stream of any length, such as standard input (`upload_create`/`upload_write`/`upload_save`). */
export async function uploadStream(
  client: PCloudClient,
  source: AsyncIterable<Uint8Array | string>,
  target: UploadTarget,
  options: UploadStreamOptions = {},
): Promise<UploadResult> {
  const resolved = resolveUploadTarget(target);
  const chunks = streamChunks(source, validChunkSize(options.chunkSize));
  return uploadResumable(client, chunks, options.size, resolved, options);
}

function validChunkSize(value: number | undefined): number {
  const size = value ?? DEFAULT_CHUNK_SIZE;
  if (!Number.isSafeInteger(size) || size <= 0)
    throw new PCloudError('USAGE_ERROR', `Invalid chunk size ${size}: expected a positive number of bytes.`);
  return size;
}
