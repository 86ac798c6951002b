/**
 * The bytes of a local file range as an upload body, read into two recycled buffers: the next
 * piece is read while the consumer writes the current one, and nothing is allocated per piece.
 *
 * The pieces are LENT (see `RequestBody` in client/transport.ts): a piece's memory is reused
 * once the next piece is asked for, so a consumer finishes writing a piece before pulling the
 * next. Large pieces mean fewer reads, socket writes and stream hops on both ends of the
 * connection, and reusing them keeps memory flat where fresh buffers would each cost page faults
 * and a trip through the GC.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { PCloudError } from '../../errors.js';

/** Bytes per piece, at most. */
export const FILE_PIECE_SIZE = 1024 * 1024;

/**
 * Lends the bytes `[start, end)` of the file at `path`, piece by piece; every call reads the file
 * again (a retry gets fresh bytes). Ends early when the file turns out shorter.
 */
export async function* readFileRange(
  path: string,
  start: number,
  end: number,
  pieceSize = FILE_PIECE_SIZE,
): AsyncGenerator<Buffer, void, undefined> {
  try {
    yield* readPieces(path, start, end, pieceSize);
  } catch (error) {
    throw readError(path, error);
  }
}

/**
 * A local read failure as what it is, LOCAL_IO_ERROR naming the file, not as a failure of the
 * connection the bytes were going to.
 */
function readError(path: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === undefined) return error;
  // Node's text after the code ("EACCES: permission denied, open '…'"): the words, not the call.
  const words = /^[A-Z0-9]+: ([^,]+)/.exec((error as Error).message)?.[1] ?? code;
  return new PCloudError('LOCAL_IO_ERROR', `cannot read ${path}: ${words}`, { cause: error });
}

async function* readPieces(path: string, start: number, end: number, pieceSize: number): AsyncGenerator<Buffer, void, undefined> {
  if (end <= start) return;
  const handle = await open(path, 'r');
  const size = Math.min(pieceSize, end - start);
  const buffers = [Buffer.allocUnsafeSlow(size), end - start > size ? Buffer.allocUnsafeSlow(size) : undefined];
  let pending: Promise<Buffer> | undefined;
  try {
    let position = start;
    pending = fill(handle, buffers[0]!, position, end);
    for (let index = 1; ; index += 1) {
      const piece = await pending;
      pending = undefined;
      if (piece.length === 0) return;
      position += piece.length;
      // The other buffer is free: its piece was written before this one was asked for.
      if (position < end && piece.length === size) pending = fill(handle, buffers[index % 2]!, position, end);
      // A read failing while the consumer writes is reported at the next pull, not as unhandled.
      pending?.catch(() => undefined);
      yield piece;
      if (!pending) return;
    }
  } finally {
    // A consumer that stops early (failed request) may leave a read in flight: let it land first.
    await pending?.catch(() => undefined);
    await handle.close();
  }
}

/** Reads into `buffer` from `position` until it is full, the range ends, or the file does. */
async function fill(handle: FileHandle, buffer: Buffer, position: number, end: number): Promise<Buffer> {
  const want = Math.min(buffer.length, end - position);
  let filled = 0;
  while (filled < want) {
    const { bytesRead } = await handle.read(buffer, filled, want - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return filled === buffer.length ? buffer : buffer.subarray(0, filled);
}
