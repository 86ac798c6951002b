/**
 * Digests of a scratch kept up to date as it is written, so that `upload_info` and `upload_save`
 * answer from running hashes instead of reading gigabytes back. The hashes cover a prefix of the
 * content and every byte is hashed about once:
 * - a write at the hashed end feeds the hashes as its bytes arrive;
 * - a write past the end first feeds the zeros of the gap (computed, not read);
 * - a write below the hashed end (a retried chunk) goes back to a copy of the hashes taken at the
 *   start of a recent write, and what lies between is read back once;
 * - bytes the hashes never saw (a reopened session, the old tail after an overwrite) are read
 *   back once, when the digests are asked for or the next write needs them.
 *
 * A session whose first write is announced as large hashes on a worker thread
 * (off-thread-digests.ts): its three digests, hashed on the main thread, were what capped a
 * resumable upload's speed. Worker hashes cannot be copied, so going back below their end starts
 * them over (one read of the content).
 */
import { createHash, type Hash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { ByteRange, ScratchBlob, StoredBlob } from './blob-store.js';
import { digestsOf, type ContentDigests, type ExtraDigest } from './content-hasher.js';
import { eachChunk, whenBoth } from './each-chunk.js';
import { OFF_THREAD_MIN_BYTES, OffThreadDigests, type DigestKind, type DigestSnapshot } from './off-thread-digests.js';

/** Writes this large (or larger) start a session's hashing on a worker thread. */
const OFF_THREAD_FIRST_WRITE = OFF_THREAD_MIN_BYTES / 4;
/** Copies of the hashes kept, one per recent write start (a client retries its last chunk or so). */
const MAX_CHECKPOINTS = 4;
const ZEROS = Buffer.alloc(1024 * 1024);

/** Running hashes of the first `size` bytes, on this thread or a worker. */
interface RunningHashes {
  readonly size: number;
  update(chunk: Buffer): Promise<void> | void;
  snapshot(): Promise<DigestSnapshot>;
  /** An independent copy (inline hashes only). */
  copy?(): RunningHashes;
  close(): void;
}

/** Running hashes on the calling thread, for small sessions (starting a worker costs more than hashing them). */
class InlineHashes implements RunningHashes {
  constructor(
    private readonly kinds: readonly DigestKind[],
    private readonly hashes: Hash[] = kinds.map((kind) => createHash(kind)),
    public size = 0,
  ) {}

  update(chunk: Buffer): void {
    for (const hash of this.hashes) hash.update(chunk);
    this.size += chunk.length;
  }

  async snapshot(): Promise<DigestSnapshot> {
    return { size: this.size, digests: Object.fromEntries(this.kinds.map((kind, i) => [kind, this.hashes[i]!.copy().digest()])) };
  }

  copy(): InlineHashes {
    return new InlineHashes(
      this.kinds,
      this.hashes.map((hash) => hash.copy()),
      this.size,
    );
  }

  close(): void {}
}

/** Wraps a scratch so that its sha1/md5 (and sha256 when `withSha256`) digests stay current. */
export class RunningDigestScratch implements ScratchBlob {
  private readonly kinds: DigestKind[];
  /** Created by the first write (which decides the thread) or the first digests asked for. */
  private hashes: RunningHashes | undefined;
  private offThread = false;
  /** Copies taken at recent write starts, oldest first. */
  private checkpoints: RunningHashes[] = [];
  private writing = false;
  /** Hash work (a write, a catch-up for the digests) runs one at a time. */
  private turn: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly inner: ScratchBlob,
    withSha256: boolean,
  ) {
    this.kinds = withSha256 ? ['sha1', 'md5', 'sha256'] : ['sha1', 'md5'];
  }

  get id(): string {
    return this.inner.id;
  }

  size(): number {
    return this.inner.size();
  }

  writeAt(
    offset: number,
    source: AsyncIterable<Buffer>,
    observe?: (chunk: Buffer) => Promise<void> | void,
    expectedLength?: number,
  ): Promise<number> {
    this.writing = true;
    return this.exclusive(() => this.hashedWrite(offset, source, observe, expectedLength));
  }

  private async hashedWrite(
    offset: number,
    source: AsyncIterable<Buffer>,
    observe?: (chunk: Buffer) => Promise<void> | void,
    expectedLength?: number,
  ): Promise<number> {
    if (!this.hashes) this.offThread = expectedLength !== undefined && expectedLength >= OFF_THREAD_FIRST_WRITE;
    try {
      const hashes = await this.hashesUpTo(offset);
      this.keepCheckpoint(hashes);
      try {
        return await this.inner.writeAt(offset, source, (chunk) => whenBoth(hashes.update(chunk), observe?.(chunk)), expectedLength);
      } catch (error) {
        // Some hashed bytes may not have reached the scratch: go back to where this write began.
        this.rewind(offset);
        throw error;
      }
    } finally {
      this.writing = false;
    }
  }

  truncate(length: number): Promise<void> {
    return this.exclusive(async () => {
      if (this.hashes && length < this.hashes.size) this.rewind(length);
      await this.inner.truncate(length);
    });
  }

  read(range?: ByteRange): Readable {
    return this.inner.read(range);
  }

  async digests(extra: ExtraDigest | undefined): Promise<ContentDigests> {
    return (await this.known(extra)) ?? this.inner.digests(extra);
  }

  async commit(extra: ExtraDigest | undefined): Promise<StoredBlob> {
    const known = await this.known(extra);
    return this.exclusive(() => {
      this.drop();
      return this.inner.commit(extra, known);
    });
  }

  discard(): Promise<void> {
    this.drop();
    return this.inner.discard();
  }

  release(): Promise<void> {
    this.drop();
    return this.inner.release();
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.turn.then(work, work);
    this.turn = run.catch(() => undefined);
    return run;
  }

  /** Hashes that cover exactly the first `offset` bytes, as the content will be before a write there. */
  private async hashesUpTo(offset: number): Promise<RunningHashes> {
    if (this.hashes && offset < this.hashes.size) this.rewind(offset);
    this.hashes ??= this.freshHashes();
    const hashes = this.hashes;
    const stored = Math.min(offset, this.inner.size());
    if (hashes.size < stored) await eachChunk(this.inner.read({ start: hashes.size, end: stored - 1 }), (chunk) => hashes.update(chunk));
    // writeAt zero-fills a gap: its digest needs no reading.
    while (hashes.size < offset) await hashes.update(ZEROS.subarray(0, Math.min(ZEROS.length, offset - hashes.size)));
    return hashes;
  }

  private freshHashes(): RunningHashes {
    return this.offThread ? new OffThreadDigests(this.kinds) : new InlineHashes(this.kinds);
  }

  private keepCheckpoint(hashes: RunningHashes): void {
    if (!hashes.copy || this.checkpoints.at(-1)?.size === hashes.size) return;
    this.checkpoints.push(hashes.copy());
    if (this.checkpoints.length > MAX_CHECKPOINTS) this.checkpoints.shift()?.close();
  }

  /** Goes back to hashes of at most the first `offset` bytes: the latest copy below it, or none. */
  private rewind(offset: number): void {
    this.hashes?.close();
    this.hashes = undefined;
    while (this.checkpoints.length > 0 && this.checkpoints.at(-1)!.size > offset) this.checkpoints.pop()!.close();
    const base = this.checkpoints.at(-1)?.copy?.();
    if (base) this.hashes = base;
  }

  private drop(): void {
    this.hashes?.close();
    this.hashes = undefined;
    for (const checkpoint of this.checkpoints.splice(0)) checkpoint.close();
  }

  /** The digests from the running hashes (brought up to the end first), when they serve the kind asked for. */
  private async known(extra: ExtraDigest | undefined): Promise<ContentDigests | undefined> {
    // During a write the content is moving: the caller reads back what is there.
    if (this.writing || (extra !== undefined && !this.kinds.includes(extra))) return undefined;
    return this.exclusive(() => this.caughtUp(extra));
  }

  private async caughtUp(extra: ExtraDigest | undefined): Promise<ContentDigests | undefined> {
    const size = this.inner.size();
    const hashes = await this.hashesUpTo(size).catch(() => undefined);
    const { size: hashed, digests } = (await hashes?.snapshot().catch(() => undefined)) ?? { size: -1, digests: {} };
    // A write that began meanwhile, or a worker that failed: read the content back instead.
    if (hashed !== size || this.inner.size() !== size || this.hashes !== hashes) return undefined;
    return digestsOf(size, digests.sha1!, extra, extra ? digests[extra]!.toString('hex') : undefined);
  }
}
