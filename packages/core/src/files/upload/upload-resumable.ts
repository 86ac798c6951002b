/**
 * A resumable ("large") upload (pcloud-api.md §4.2): `upload_create`, one `upload_write` per
 * chunk, `upload_info` to compare the server's sha1 with ours, then `upload_save`. Used for
 * large files and for streams of unknown length. On failure the session is abandoned
 * (`upload_delete`), so no partial file appears.
 */
import { createHash } from 'node:crypto';
import type { PCloudClient } from '../../client/create-client.js';
import { PCloudError } from '../../errors.js';
import type { UploadChunk } from './chunk-source.js';
import type { ResolvedTarget } from './upload-target.js';
import type { UploadOptions, UploadResult } from './upload-types.js';
import { verifySha1 } from './verify-sha1.js';
import { writeChunk } from './write-chunk.js';

/** A slow server's hashing speed, for the timeouts of the calls that look at the whole upload. */
const SERVER_BYTES_PER_SECOND = 16 * 1024 * 1024;

/** Uploads chunks through an upload session; `size` is the total when known (for progress). */
export async function uploadResumable(
  client: PCloudClient,
  chunks: Iterable<UploadChunk> | AsyncIterable<UploadChunk>,
  size: number | undefined,
  target: ResolvedTarget,
  options: UploadOptions,
): Promise<UploadResult> {
  const signal = options.signal ? { signal: options.signal } : {};
  const { uploadid } = await client.call('upload_create', size !== undefined ? { filesize: size } : {}, signal);
  try {
    let hash = createHash('sha1');
    let offset = 0;
    for await (const chunk of chunks) {
      const onProgress = options.onProgress;
      const at = offset;
      hash = await writeChunk(client, uploadid, chunk, hash, {
        ...(options.chunkRetries !== undefined ? { retries: options.chunkRetries } : {}),
        ...signal,
        ...(onProgress ? { onBytes: (n: number) => onProgress({ transferred: at + n, total: size }) } : {}),
      });
      offset += chunk.length;
    }
    // Answering these may take the server a pass over the whole upload: wait 1 s per 16 MiB.
    const patient = { ...signal, timeoutMs: Math.max(client.settings.idleTimeoutMs, Math.ceil(offset / SERVER_BYTES_PER_SECOND) * 1000) };
    const info = await client.call('upload_info', { uploadid }, patient);
    if (info.size !== offset) {
      throw new PCloudError('CHECKSUM_MISMATCH', `upload ${target.label}: sent ${offset} bytes, the server holds ${info.size}.`);
    }
    const sha1 = hash.digest('hex');
    verifySha1(sha1, info.sha1, `upload ${target.label}`);
    const saved = await client.call(
      'upload_save',
      {
        uploadid,
        ...target.file,
        ...(options.mtime !== undefined ? { mtime: options.mtime } : {}),
        ...(options.mtime !== undefined && options.ctime !== undefined ? { ctime: options.ctime } : {}),
        ...(options.renameIfExists ? { renameifexists: true } : {}),
      },
      patient,
    );
    return { metadata: saved.metadata, sha1, size: offset, via: 'upload_save' };
  } catch (error) {
    // Best effort: a session left behind expires on the server anyway.
    await client.call('upload_delete', { uploadid }).catch(() => undefined);
    throw error;
  }
}
