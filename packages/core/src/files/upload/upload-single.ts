/**
 * A local file in ONE `uploadfile` request (pcloud-api.md §4.1): the body streamed from disk
 * with a real Content-Length, `nopartial=1`, times kept. Each attempt re-opens the
 * file, so the client may retry it; the sha1 is computed while sending and compared with the
 * server's `checksums[0].sha1`.
 *
 * pCloud stores the file before that comparison can happen, so bytes that fail it must never
 * have replaced a good file: unless told the target does not exist yet, the upload goes to a
 * temporary name beside it (`.<name>.pcloud-partial-<random>`) and `renamefile` moves it over
 * the target only once verified. Whatever fails verification is deleted.
 */
import { createHash } from 'node:crypto';
import type { PCloudClient } from '../../client/create-client.js';
import type { RequestBody } from '../../client/transport.js';
import type { FileMetadata } from '../../client/types.js';
import { PCloudError } from '../../errors.js';
import { partialFileName } from '../download/partial-file.js';
import { HashingSource } from './hashing-source.js';
import type { LocalFile } from './local-file.js';
import { readFileRange } from './read-file-range.js';
import type { ResolvedTarget } from './upload-target.js';
import type { UploadOptions, UploadResult } from './upload-types.js';
import { verifySha1 } from './verify-sha1.js';

/** Uploads a local file with one `uploadfile` request (retried with a fresh body on transient failures). */
export async function uploadSingle(
  client: PCloudClient,
  file: LocalFile,
  target: ResolvedTarget,
  options: UploadOptions,
): Promise<UploadResult> {
  const viaTemporary = options.verifyBeforeReplace !== false && !options.renameIfExists;
  const name = viaTemporary ? partialFileName(target.name) : target.name;
  const { metadata, sha1 } = await sendVerified(client, file, target, name, options);
  if (!viaTemporary) return { metadata, sha1, size: file.size, via: 'uploadfile' };
  try {
    const to = 'path' in target.file ? { topath: target.file.path } : { tofolderid: target.file.folderid, toname: target.file.name };
    const answer = await client.call('renamefile', { fileid: metadata.fileid, ...to }, signalOnly(options));
    return { metadata: answer.metadata, sha1, size: file.size, via: 'uploadfile' };
  } catch (error) {
    await discard(client, metadata);
    throw error;
  }
}

/** Sends the file under `name` in the target's folder and checks the server holds exactly its bytes; deletes it otherwise. */
async function sendVerified(
  client: PCloudClient,
  file: LocalFile,
  target: ResolvedTarget,
  name: string,
  options: UploadOptions,
): Promise<{ metadata: FileMetadata; sha1: string }> {
  let hasher: HashingSource | undefined;
  const body = (): RequestBody => {
    const onProgress = options.onProgress;
    const onBytes = onProgress ? { onBytes: (n: number) => onProgress({ transferred: n, total: file.size }) } : {};
    hasher = new HashingSource(readFileRange(file.path, 0, file.size), createHash('sha1'), onBytes);
    return { kind: 'data', stream: hasher, length: file.size };
  };
  const mtime = options.mtime ?? file.mtime;
  const ctime = options.ctime ?? file.ctime;
  const answer = await client.call(
    'uploadfile',
    {
      ...target.folder,
      filename: name,
      nopartial: true,
      mtime,
      ...(ctime !== undefined ? { ctime } : {}),
      ...(options.renameIfExists ? { renameifexists: true } : {}),
    },
    { body, ...signalOnly(options) },
  );
  const metadata = answer.metadata[0];
  if (!metadata || !hasher) throw new PCloudError('API_ERROR', `uploadfile: no file in the answer for ${target.label}.`);
  try {
    if (hasher.hashed !== file.size) {
      throw new PCloudError('LOCAL_IO_ERROR', `${file.path} changed while it was uploaded (${hasher.hashed} of ${file.size} bytes read).`);
    }
    const sha1 = hasher.hash.digest('hex');
    // Servers that leave `checksums` out are asked once more.
    const theirs =
      answer.checksums?.[0]?.sha1 ?? (await client.call('checksumfile', { fileid: metadata.fileid }, signalOnly(options))).sha1;
    verifySha1(sha1, theirs, `uploadfile ${target.label}`);
    return { metadata, sha1 };
  } catch (error) {
    await discard(client, metadata);
    throw error;
  }
}

/** Deletes an uploaded file that must not stay (best effort: the error that led here matters more). */
async function discard(client: PCloudClient, metadata: FileMetadata): Promise<void> {
  await client.call('deletefile', { fileid: metadata.fileid }).catch(() => undefined);
}

function signalOnly(options: UploadOptions): { signal?: AbortSignal } {
  return options.signal ? { signal: options.signal } : {};
}
