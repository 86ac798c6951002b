/**
 * Sends a byte range of a blob into an HTTP response through two reused buffers: one is read
 * into while the other is being written. A stream of fresh 1 MiB buffers made V8 run a full
 * mark-compact every few dozen MiB (external memory), about a third of the emulator's CPU on a
 * 1 GiB download; the emulator shares the machine with the clients it serves.
 */
import type { ServerResponse } from 'node:http';
import type { BlobReader, ByteRange } from '../state/blob-store.js';

/** Bytes per read and per write: large enough that per-call costs vanish, small enough to keep memory flat. */
const PIECE_BYTES = 256 * 1024;

/**
 * Writes bytes `range.start..range.end` (inclusive) of `reader` to `res` and resolves with the
 * number of bytes handed to the response (fewer when it closed first). The response is not ended.
 * A buffer is read into again only after its last write has called back, so no byte in flight
 * is ever overwritten.
 */
export async function sendBlobRange(
  reader: BlobReader,
  range: ByteRange,
  res: ServerResponse,
  onSent: (bytes: number) => void = () => undefined,
): Promise<number> {
  const end = range.end + 1;
  // A small file needs one small buffer: most downloads are far below a piece.
  const pieceBytes = Math.min(PIECE_BYTES, end - range.start);
  const pieces = [Buffer.allocUnsafe(pieceBytes)];
  if (end - range.start > pieceBytes) pieces.push(Buffer.allocUnsafe(pieceBytes));
  const written: Promise<void>[] = pieces.map(() => Promise.resolve());
  // A response destroyed mid-write may not call back: closing frees every waiting piece.
  const closed = new Promise<void>((resolve) => res.once('close', () => resolve()));
  let position = range.start;
  let next = 0;
  while (position < end) {
    const piece = pieces[next]!;
    await Promise.race([written[next], closed]);
    if (res.destroyed) break;
    const bytes = await reader.read(piece, Math.min(pieceBytes, end - position), position);
    if (bytes === 0) throw new Error(`blob ended at byte ${position} of ${end}`);
    if (res.destroyed) break;
    written[next] = new Promise((resolve) => res.write(piece.subarray(0, bytes), () => resolve()));
    position += bytes;
    onSent(bytes);
    next = (next + 1) % pieces.length;
  }
  await Promise.race([Promise.all(written), closed]);
  return position - range.start;
}
