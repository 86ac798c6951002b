/**
 * The chunks of a resumable upload. A local file's chunks are byte ranges re-read from disk
 * on each attempt; a stream's chunk (standard input) is read into memory once, which bounds
 * memory by two chunks (the one being sent and the next) and lets a failed chunk be sent again.
 */
import { readFileRange } from './read-file-range.js';

/** One chunk: where it starts, how long it is, and a fresh source of its (lent) bytes per call. */
export interface UploadChunk {
  start: number;
  length: number;
  open(): AsyncIterable<Uint8Array>;
}

/** The chunks of bytes `[0, size)` of a local file. */
export function* fileChunks(path: string, size: number, chunkSize: number): Generator<UploadChunk> {
  for (let start = 0; start < size; start += chunkSize) {
    const end = Math.min(size, start + chunkSize);
    yield { start, length: end - start, open: () => readFileRange(path, start, end) };
  }
}

/**
 * The chunks of a stream of unknown length, each read into one buffer of at most `chunkSize`
 * bytes. The next chunk is read while the caller sends the current one (so a pipe's producer is
 * not stalled during each upload_write). Two buffers take turns, so memory stays at two chunks
 * without an 8 MiB allocation (and its page faults and garbage) per chunk: chunk k+2 refills the
 * buffer of chunk k, and is read only once the caller asked for chunk k+1, that is, was done
 * with chunk k (readAhead reads one chunk ahead, never more).
 */
export function streamChunks(source: AsyncIterable<Uint8Array | string>, chunkSize: number): AsyncGenerator<UploadChunk> {
  return readAhead(bufferedChunks(source, chunkSize));
}

/** Asks for the next item as soon as the current one is handed out. */
async function* readAhead<T>(items: AsyncGenerator<T>): AsyncGenerator<T> {
  let next = items.next();
  // A read that fails while the caller is busy is reported at the next request, not as unhandled.
  next.catch(() => undefined);
  try {
    for (;;) {
      const current = await next;
      if (current.done) return;
      next = items.next();
      next.catch(() => undefined);
      yield current.value;
    }
  } finally {
    // The caller stopped early (a failed upload): stop reading the source too, without waiting
    // for a read in flight, which on a terminal or a stalled pipe may never end.
    void items.return(undefined).catch(() => undefined);
  }
}

async function* bufferedChunks(source: AsyncIterable<Uint8Array | string>, chunkSize: number): AsyncGenerator<UploadChunk> {
  const buffers: [Buffer, Buffer | undefined] = [Buffer.allocUnsafeSlow(chunkSize), undefined];
  let turn = 0;
  let buffer = buffers[0];
  let filled = 0;
  let start = 0;
  const take = (): UploadChunk => {
    const bytes = buffer.subarray(0, filled);
    const chunk: UploadChunk = { start, length: filled, open: () => once(bytes) };
    start += filled;
    turn = 1 - turn;
    buffer = buffers[turn] ??= Buffer.allocUnsafeSlow(chunkSize);
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

async function* once(bytes: Buffer): AsyncGenerator<Buffer> {
  yield bytes;
}
