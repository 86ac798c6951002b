/**
 * Streams the data of an upload request (`uploadfile`, `upload_write`) onto a binary-protocol
 * socket right after the request, with backpressure: a file is never held whole in memory.
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
    if (!socket.write(chunk)) await drained(socket);
    onProgress?.({ transferred, total: data.length });
  }
  return transferred;
}

/** Resolves when the socket can take more, or has closed. */
function drained(socket: Socket): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      socket.off('drain', done);
      socket.off('close', done);
      resolve();
    };
    socket.on('drain', done);
    socket.on('close', done);
  });
}
