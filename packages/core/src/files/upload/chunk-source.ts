/**
 * The chunks of a resumable upload. A local file's chunks are byte ranges re-read from disk
 * on each attempt; a stream's chunk (standard input) is read into memory once, which bounds
 * memory by the chunk size and lets a failed chunk be sent again.
 */
import { Readable } from 'node:stream';
import { openRange } from './local-file.js';

/** One chunk: where it starts, how long it is, and a fresh stream of its bytes per call. */
export interface UploadChunk {
  start: number;
  length: number;
  open(): Readable;
}

/** The chunks of bytes `[0, size)` of a local file. */
export function* fileChunks(path: string, size: number, chunkSize: number): Generator<UploadChunk> {
  for (let start = 0; start < size; start += chunkSize) {
    const end = Math.min(size, start + chunkSize);
    yield { start, length: end - start, open: () => openRange(path, start, end) };
  }
}

/** The chunks of a stream of unknown length, each read into one buffer of at most `chunkSize` bytes. */
export async function* streamChunks(source: AsyncIterable<Uint8Array | string>, chunkSize: number): AsyncGenerator<UploadChunk> {
  let buffer = Buffer.allocUnsafe(chunkSize);
  let filled = 0;
  let start = 0;
  const take = (): UploadChunk => {
    const bytes = buffer.subarray(0, filled);
    const chunk: UploadChunk = { start, length: filled, open: () => Readable.from([bytes]) };
    start += filled;
    buffer = Buffer.allocUnsafe(chunkSize);
    filled = 0;
    return chunk;
  };
  for await (const piece of source) {
    let data = typeof piece === 'string' ? Buffer.from(piece) : piece;
    while (data.length > 0) {
      const n = Math.min(data.length, chunkSize - filled);
      buffer.set(data.subarray(0, n), filled);
      filled += n;
      data = data.subarray(n);
      if (filled === chunkSize) yield take();
    }
  }
  if (filled > 0) yield take();
}
