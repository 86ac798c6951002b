/**
 * Writes a stream of buffers to an open file, one after another from a start offset, in batches:
 * chunks are gathered until a batch is full, then written with one `writev` while the next batch
 * gathers. A download then costs one write per batch instead of one per socket read, and the
 * reader never waits on the disk unless a whole batch is still being written. Memory stays bounded
 * by two batches, kept small: a larger batch saves few writes more and holds more memory.
 */
import type { FileHandle } from 'node:fs/promises';

/** Bytes gathered before a batch is written. */
export const WRITE_BATCH = 256 * 1024;

export class SequentialWriter {
  #batch: Buffer[] = [];
  #batchBytes = 0;
  #position: number;
  #inFlight: Promise<void> = Promise.resolve();
  #failure: unknown;

  /** Writes from byte `start` of the file on, `batchSize` bytes at a time. */
  constructor(
    private readonly handle: FileHandle,
    start = 0,
    private readonly batchSize = WRITE_BATCH,
  ) {
    this.#position = start;
  }

  /** Where the next byte goes: the start plus every byte taken so far (written or gathered). */
  get end(): number {
    return this.#position + this.#batchBytes;
  }

  /** Takes the next bytes; resolves once they are gathered, waiting only while a full batch is still being written. */
  async append(chunk: Buffer): Promise<void> {
    this.#throwIfFailed();
    if (chunk.length === 0) return;
    this.#batch.push(chunk);
    this.#batchBytes += chunk.length;
    if (this.#batchBytes >= this.batchSize) {
      await this.#inFlight;
      this.#throwIfFailed();
      this.#startWrite();
    }
  }

  /** Writes whatever is gathered and waits for every write; rejects with the first write error. */
  async flush(): Promise<void> {
    await this.#inFlight;
    this.#throwIfFailed();
    if (this.#batchBytes > 0) this.#startWrite();
    await this.#inFlight;
    this.#throwIfFailed();
  }

  /** Drops what is gathered and waits for the write in flight to end; never rejects. */
  async abandon(): Promise<void> {
    this.#batch = [];
    this.#batchBytes = 0;
    await this.#inFlight;
  }

  #startWrite(): void {
    const buffers = this.#batch;
    const position = this.#position;
    this.#position += this.#batchBytes;
    this.#batch = [];
    this.#batchBytes = 0;
    // The failure is kept, not thrown here: the next append or flush reports it.
    this.#inFlight = writeAll(this.handle, buffers, position).catch((error: unknown) => {
      this.#failure ??= error;
    });
  }

  #throwIfFailed(): void {
    if (this.#failure !== undefined) throw this.#failure;
  }
}

/** `writev` until every byte is on disk (a short write continues where it stopped). */
async function writeAll(handle: FileHandle, buffers: Buffer[], position: number): Promise<void> {
  let pending = buffers;
  let at = position;
  while (pending.length > 0) {
    const { bytesWritten } = await handle.writev(pending, at);
    if (bytesWritten <= 0) throw new Error(`writev wrote nothing at byte ${at}`);
    at += bytesWritten;
    let left = bytesWritten;
    let next = 0;
    while (next < pending.length && left >= pending[next]!.length) left -= pending[next++]!.length;
    pending = pending.slice(next);
    if (left > 0) pending[0] = pending[0]!.subarray(left);
  }
}
