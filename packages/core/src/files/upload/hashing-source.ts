/**
 * Hashes and counts the bytes of an upload body on their way to the wire, so a transfer's sha1 is
 * known the moment its last byte has been sent, without reading anything twice. Pieces pass
 * through untouched (lent pieces stay lent: client/transport.ts).
 *
 * The hashing stays on this thread on purpose: a worker thread fed from a shared ring (as the
 * emulator hashes uploads) made a 1 GiB upload no faster against the emulator, where the server's
 * receive path, not the client, sets the pace, and it cost the upload a fifth more peak memory.
 */
import type { Hash } from 'node:crypto';

/** Options of {@link HashingSource}. */
export interface HashingSourceOptions {
  /** Bytes hashed but not passed on: the part of a chunk the server already has. */
  skip?: number;
  /** Called with the running count of bytes passed on. */
  onBytes?: (passed: number) => void;
}

/** Hashes every byte of `source`, passes on all but the first `skip`, and counts what it passed on. */
export class HashingSource implements AsyncIterable<Uint8Array> {
  /** Bytes hashed so far. */
  hashed = 0;
  /** Bytes passed on so far. */
  passed = 0;

  constructor(
    private readonly source: AsyncIterable<Uint8Array>,
    readonly hash: Hash,
    private readonly options: HashingSourceOptions = {},
  ) {}

  async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array, void, undefined> {
    const skip = this.options.skip ?? 0;
    for await (const piece of this.source) {
      this.hash.update(piece);
      const before = this.hashed;
      this.hashed += piece.length;
      if (this.hashed <= skip) continue;
      const out = before >= skip ? piece : piece.subarray(skip - before);
      this.passed += out.length;
      this.options.onBytes?.(this.passed);
      yield out;
    }
  }
}
