/**
 * A pass-through stream that hashes and counts the bytes flowing through it, so a transfer's
 * sha1 is known the moment its last byte has been sent, without reading anything twice.
 */
import type { Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

/** Options of {@link HashingStream}. */
export interface HashingStreamOptions {
  /** Bytes hashed but not passed on: the part of a chunk the server already has. */
  skip?: number;
  /** Called with the running count of bytes passed on. */
  onBytes?: (passed: number) => void;
}

/** Hashes every byte, passes on all but the first `skip`, and counts what it passed on. */
export class HashingStream extends Transform {
  readonly hash: Hash;
  /** Bytes hashed so far. */
  hashed = 0;
  /** Bytes passed on so far. */
  passed = 0;
  readonly #skip: number;
  readonly #onBytes: ((passed: number) => void) | undefined;

  constructor(hash: Hash, options: HashingStreamOptions = {}) {
    super();
    this.hash = hash;
    this.#skip = options.skip ?? 0;
    this.#onBytes = options.onBytes;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    const before = this.hashed;
    this.hashed += chunk.length;
    const out = before >= this.#skip ? chunk : this.hashed > this.#skip ? chunk.subarray(this.#skip - before) : undefined;
    if (out && out.length > 0) {
      this.passed += out.length;
      this.#onBytes?.(this.passed);
      this.push(out);
    }
    done();
  }
}
