/**
 * A local file in ONE `uploadfile` request (pcloud-api.md §4.1): a multipart body with a real
 * Content-Length, streamed from disk, `nopartial=1`, times kept. Each attempt re-opens the
 * file, so the client may retry it; the sha1 is computed while sending and compared with the
 * server's `checksums[0].sha1`.
 */
import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream';
import type { PCloudClient } from '../../client/create-client.js';
import type { RequestBody } from '../../client/transport.js';
import { PCloudError } from '../../errors.js';
import { HashingStream } from './hashing-stream.js';
import { openRange, type LocalFile } from './local-file.js';
import type { ResolvedTarget } from './upload-target.js';
import type { UploadOptions, UploadResult } from './upload-types.js';
import { verifySha1 } from './verify-sha1.js';

/** Uploads a local file with one `uploadfile` request (retried with a fresh body on transient failures). */
export async function uploadSingle(client: PCloudClient, file: LocalFile, target: ResolvedTarget, options: UploadOptions): Promise<UploadResult> {
  let hasher: HashingStream | undefined;
  const body = (): RequestBody => {
    const onProgress = options.onProgress;
    hasher = new HashingStream(createHash('sha1'), onProgress ? { onBytes: (n) => onProgress({ transferred: n, total: file.size }) } : {});
    // pipeline closes the file when the request gives up on the body (abort, reset).
    const stream = pipeline(openRange(file.path, 0, file.size), hasher, () => {});
    return { kind: 'data', stream, length: file.size };
  };
  const mtime = options.mtime ?? file.mtime;
  const ctime = options.ctime ?? file.ctime;
  const answer = await client.call(
    'uploadfile',
    {
      ...target.folder,
      filename: target.name,
      nopartial: true,
      mtime,
      ...(ctime !== undefined ? { ctime } : {}),
      ...(options.renameIfExists ? { renameifexists: true } : {}),
    },
    { body, ...signalOnly(options) },
  );
  const metadata = answer.metadata[0];
  if (!metadata || !hasher) throw new PCloudError('API_ERROR', `uploadfile: no file in the answer for ${target.label}.`);
  if (hasher.hashed !== file.size) {
    throw new PCloudError('LOCAL_IO_ERROR', `${file.path} changed while it was uploaded (${hasher.hashed} of ${file.size} bytes read).`);
  }
  const sha1 = hasher.hash.digest('hex');
  // Servers that leave `checksums` out are asked once more.
  const theirs = answer.checksums?.[0]?.sha1 ?? (await client.call('checksumfile', { fileid: metadata.fileid }, signalOnly(options))).sha1;
  verifySha1(sha1, theirs, `uploadfile ${target.label}`);
  return { metadata, sha1, size: file.size, via: 'uploadfile' };
}

function signalOnly(options: UploadOptions): { signal?: AbortSignal } {
  return options.signal ? { signal: options.signal } : {};
}
