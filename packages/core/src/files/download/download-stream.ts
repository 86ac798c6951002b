/**
 * Downloading a file into a writable stream such as standard output (`checksumfile` +
 * `getfilelink`): the same host fallback, link refresh and Range resume as a file download,
 * with backpressure. Bytes already written cannot be taken back, so a sha1 mismatch is
 * reported after the fact.
 */
import type { Writable } from 'node:stream';
import type { PCloudClient } from '../../client/create-client.js';
import type { FileRef } from '../../client/method-table.js';
import { PCloudError } from '../../errors.js';
import { downloadVerified } from './download-content.js';
import type { DownloadOptions, DownloadResult } from './download-types.js';

/** Downloads a remote file into `output`, left open, verifying its sha1 at the end (`checksumfile`, `getfilelink`). */
export async function downloadToStream(
  client: PCloudClient,
  ref: FileRef,
  output: Writable,
  options: DownloadOptions = {},
): Promise<DownloadResult> {
  return downloadVerified(client, ref, options, (chunk) => writeWithBackpressure(output, chunk));
}

function writeWithBackpressure(output: Writable, chunk: Buffer): Promise<void> {
  if (output.destroyed) return Promise.reject(closedError());
  if (output.write(chunk)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const cleanup = (): void => {
      output.off('drain', drained);
      output.off('error', failed);
      output.off('close', closed);
    };
    const drained = (): void => {
      cleanup();
      resolve();
    };
    const failed = (error: Error): void => {
      cleanup();
      reject(new PCloudError('LOCAL_IO_ERROR', `Cannot write the download: ${error.message}`, { cause: error }));
    };
    const closed = (): void => {
      cleanup();
      reject(closedError());
    };
    output.on('drain', drained);
    output.on('error', failed);
    output.on('close', closed);
  });
}

function closedError(): PCloudError {
  return new PCloudError('LOCAL_IO_ERROR', 'Cannot write the download: the output was closed.');
}
