/**
 * One `upload_write` of a resumable upload (pcloud-api.md §4.2), retried until the server has
 * the whole chunk: after a failure `upload_info` tells how many bytes it holds, and only the
 * rest is sent again. The running sha1 is forked per attempt (`hash.copy()`) so that bytes
 * sent twice are hashed once. After a lost answer the server may still be taking in the cut
 * write, and refuses another one (2068) meanwhile: that is waited out like a transient failure.
 */
import type { Hash } from 'node:crypto';
import type { PCloudClient } from '../../client/create-client.js';
import { createRetryBudget, sleep } from '../../client/retry.js';
import type { RequestBody } from '../../client/transport.js';
import { isTransientError } from '../../client/transport-errors.js';
import { createServerWait } from '../../client/wait-for-server.js';
import { ApiError, PCloudError } from '../../errors.js';
import type { UploadChunk } from './chunk-source.js';
import { HashingSource } from './hashing-source.js';

/** `upload_write` while another write to the same upload runs (pcloud-api.md §4.2). */
const WRITE_IN_PROGRESS = 2068;

/** How one chunk is written. */
export interface WriteChunkOptions {
  signal?: AbortSignal;
  /** Retries after failed writes of this chunk (default: the client's policy). */
  retries?: number;
  /** Bytes of this chunk the server has received so far in the current attempt. */
  onBytes?: (inChunk: number) => void;
}

/** Writes a chunk at its offset and returns the running hash extended by its bytes. */
export async function writeChunk(
  client: PCloudClient,
  uploadid: number,
  chunk: UploadChunk,
  hashSoFar: Hash,
  options: WriteChunkOptions,
): Promise<Hash> {
  const signal = options.signal ? { signal: options.signal } : {};
  const end = chunk.start + chunk.length;
  let from = chunk.start;
  const wait = createServerWait(client, 'upload_write', options.signal);
  const budget = createRetryBudget(client.retry, options.retries ?? client.retry.retries);
  let interrupted = false;
  for (;;) {
    const hash = hashSoFar.copy();
    let hasher: HashingSource | undefined;
    const skip = from - chunk.start;
    const body = (): RequestBody => {
      const onBytes = options.onBytes;
      hasher = new HashingSource(chunk.open(), hash, { skip, ...(onBytes ? { onBytes: (n: number) => onBytes(skip + n) } : {}) });
      return { kind: 'data', stream: hasher, length: end - from };
    };
    try {
      await client.call('upload_write', { uploadid, uploadoffset: from }, { body, retry: false, ...signal });
      if (hasher?.hashed !== chunk.length) throw changedError(chunk);
      return hash;
    } catch (error) {
      const ownCutWrite = interrupted && error instanceof ApiError && error.result === WRITE_IN_PROGRESS;
      interrupted = true;
      const next = await wait.afterFailure(error);
      if (next === 'stop') throw error;
      if (next === 'again') budget.restartClock();
      else {
        const delay = isTransientError(error) || ownCutWrite ? budget.take() : undefined;
        if (delay === undefined) throw error;
        await sleep(delay, options.signal, 'upload_write');
      }
      const { size } = await client.call('upload_info', { uploadid }, signal);
      if (size < chunk.start || size > end) {
        throw new PCloudError('API_ERROR', `upload_write: the server holds ${size} bytes, expected ${chunk.start} to ${end}.`);
      }
      // The answer was lost but every byte arrived: only the hash still needs them.
      if (size === end) return hashWhole(chunk, hashSoFar.copy());
      from = size;
    }
  }
}

async function hashWhole(chunk: UploadChunk, hash: Hash): Promise<Hash> {
  let length = 0;
  for await (const piece of chunk.open()) {
    hash.update(piece);
    length += piece.length;
  }
  if (length !== chunk.length) throw changedError(chunk);
  return hash;
}

function changedError(chunk: UploadChunk): PCloudError {
  return new PCloudError(
    'LOCAL_IO_ERROR',
    `The source changed while it was uploaded (bytes ${chunk.start}–${chunk.start + chunk.length}).`,
  );
}
