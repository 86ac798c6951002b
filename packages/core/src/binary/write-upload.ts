/**
 * Streams the data of an upload request (`uploadfile`, `upload_write`) onto a binary-protocol
 * socket right after the request, with backpressure: a file is never held whole in memory. Each
 * chunk is written completely before the next is pulled, as lent sources need (client/transport.ts).
 */
import type { Socket } from 'node:net';
import type { Progress } from '../client/transport.js';
import type { UploadData } from './upload-data.js';

/**
 * Writes the data; resolves with the number of bytes the source gave (up to one chunk past the
 * announced length, where it stops), or earlier when `stopped()` turns true. Rejects with what
 * the source threw.
 */
export async function writeUpload(
  socket: Socket,
  data: UploadData,
  onProgress: ((progress: Progress) => void) | undefined,
  stopped: () => boolean,
): Promise<number> {
  let transferred = 0;
  for await (const chunk of data.stream) {
    if (stopped()) break;
    transferred += chunk.length;
    if (transferred > data.length) break;
    await written(socket, chunk);
    onProgress?.({ transferred, total: data.length });
  }
  return transferred;
}

/** Resolves when the socket has written the chunk, or has closed (then `stopped()` tells). */
function written(socket: Socket, chunk: Uint8Array): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      socket.off('close', done);
      resolve();
    };
    socket.on('close', done);
    socket.write(chunk, done);
  });
}
