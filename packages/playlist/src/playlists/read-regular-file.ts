/**
 * Reads a playlist file's bytes, within bounds: a regular file only (a FIFO would block forever,
 * `/dev/zero` never ends), opened without blocking and checked on the open handle so that nothing
 * swapped in after a check slips through, and never more than `limit` bytes, however much the file
 * grows while it is read.
 */
import { constants, open } from 'node:fs/promises';

/** The bytes, or why there are none: a folder, a special file, or a file over the limit. */
export type RegularFileRead = { ok: true; bytes: Buffer } | { ok: false; problem: 'folder' | 'special' | 'too-big'; size: number };

const CHUNK_BYTES = 1024 * 1024;

/** Reads `path` if it is a regular file of at most `limit` bytes; throws the file system's errors (ENOENT, EACCES). */
export async function readRegularFile(path: string, limit: number): Promise<RegularFileRead> {
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer; regular files ignore it.
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    if (info.isDirectory()) return { ok: false, problem: 'folder', size: info.size };
    if (!info.isFile()) return { ok: false, problem: 'special', size: info.size };
    if (info.size > limit) return { ok: false, problem: 'too-big', size: info.size };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, limit + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > limit) return { ok: false, problem: 'too-big', size: total };
      chunks.push(chunk.subarray(0, bytesRead));
    }
    return { ok: true, bytes: Buffer.concat(chunks, total) };
  } finally {
    await handle.close();
  }
}
