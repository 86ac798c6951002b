/**
 * Where file content lives: a small interface with two drivers, memory (default) and a
 * directory (`--data-dir`). Content always moves as streams, so a disk-backed emulator holds
 * no file whole in memory.
 */
import type { Readable } from 'node:stream';
import type { ContentDigests, ExtraDigest } from './content-hasher.js';

/** Content stored under an id the store chose (never a client-supplied name). */
export interface StoredBlob extends ContentDigests {
  id: string;
}

/** A byte range, both ends inclusive, as HTTP `Range` gives it. */
export interface ByteRange {
  start: number;
  end: number;
}

/** Positional reads of one stored blob, into buffers the caller owns (and may reuse). */
export interface BlobReader {
  /** Reads up to `length` bytes at `position` into the start of `into`; resolves to the count (0 at the end). */
  read(into: Buffer, length: number, position: number): Promise<number>;
  close(): Promise<void>;
}

/** A blob under construction with random-access writes (upload_* sessions, fd writes). */
export interface ScratchBlob {
  readonly id: string;
  /** Current length in bytes. */
  size(): number;
  /**
   * Writes the stream's bytes at `offset` (a gap is zero-filled); resolves to the bytes written.
   * `observe` sees every chunk, in order, as it arrives (running digests hash it there); a
   * promise it returns holds the next chunk back. `expectedLength` is the sender's announced
   * length, when known (running digests hash a large session on a worker thread).
   */
  writeAt(
    offset: number,
    source: AsyncIterable<Buffer>,
    observe?: (chunk: Buffer) => Promise<void> | void,
    expectedLength?: number,
  ): Promise<number>;
  /** Sets the length, cutting or zero-extending. */
  truncate(length: number): Promise<void>;
  /** Reads a range of what was written so far. */
  read(range?: ByteRange): Readable;
  /** Digests of the current content (reads it back). */
  digests(extra: ExtraDigest | undefined): Promise<ContentDigests>;
  /** Turns the scratch into a stored blob; the scratch is gone afterwards. `known` digests of the content spare reading it back. */
  commit(extra: ExtraDigest | undefined, known?: ContentDigests): Promise<StoredBlob>;
  /** Throws the scratch away. */
  discard(): Promise<void>;
  /** Lets go of what the scratch holds open, keeping its content (a session scratch reopens after a restart). */
  release(): Promise<void>;
}

/** Storage driver for file content. */
export interface BlobStore {
  /**
   * Streams `source` into a new blob while hashing it; on a source error nothing is kept.
   * `expectedSize`, when the sender announced one, lets a large content be hashed off-thread.
   */
  write(source: AsyncIterable<Buffer> | Iterable<Buffer>, extra: ExtraDigest | undefined, expectedSize?: number): Promise<StoredBlob>;
  /** Streams a blob's content, or the given range of it. */
  read(id: string, range?: ByteRange): Readable;
  /** Opens a blob for positional reads into reused buffers (big downloads, see send-blob.ts). */
  openReader(id: string): Promise<BlobReader>;
  /** Starts a copy of a blob as a scratch (for fd writes to an existing file). */
  openScratch(from?: string): Promise<ScratchBlob>;
  /**
   * Opens the scratch of a resumable upload session: a new one, or with `id` one kept from an
   * earlier run (only a store with a data dir keeps them; elsewhere they die with the process).
   */
  openSessionScratch(id?: string): Promise<ScratchBlob>;
  /** Deletes kept session scratches other than `keep` (expired or abandoned sessions). */
  sweepSessionScratches(keep: ReadonlySet<string>): Promise<void>;
  /** Deletes a blob; unknown ids are ignored. */
  remove(id: string): void;
  /** Frees what the store holds open (not the stored data). */
  close(): Promise<void>;
}
