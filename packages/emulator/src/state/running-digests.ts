/**
 * Digests of a scratch kept up to date while it only grows by appends — the normal shape of a
 * resumable upload (`upload_write` at the current size). `upload_info` and `upload_save` then
 * answer from the running hashes instead of reading gigabytes back; any other write (an
 * overwrite, a gap, a truncate) drops them and the scratch is read back as before.
 *
 * A session whose first write is announced as large hashes on a worker thread
 * (off-thread-digests.ts): its three digests cost about 2.5 s of CPU per GiB, which on the main
 * thread capped a resumable upload near 200 MB/s.
 */
import { createHash, type Hash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { ByteRange, ScratchBlob, StoredBlob } from './blob-store.js';
import { digestsOf, type ContentDigests, type ExtraDigest } from './content-hasher.js';
import { whenBoth } from './each-chunk.js';
import { OFF_THREAD_MIN_BYTES, OffThreadDigests, type DigestKind, type DigestSnapshot } from './off-thread-digests.js';

/** Writes this large (or larger) start a session's hashing on a worker thread. */
const OFF_THREAD_FIRST_WRITE = OFF_THREAD_MIN_BYTES / 4;

/** Running hashes of the bytes appended so far, on this thread or a worker. */
interface RunningHashes {
  readonly size: number;
  update(chunk: Buffer): Promise<void> | void;
  snapshot(): Promise<DigestSnapshot>;
  close(): void;
}

/** Running hashes on the calling thread, for small sessions (a worker costs tens of ms to start). */
class InlineHashes implements RunningHashes {
  size = 0;
  private readonly hashes: Hash[];

  constructor(private readonly kinds: readonly DigestKind[]) {
    this.hashes = kinds.map((kind) => createHash(kind));
  }

  update(chunk: Buffer): void {
    for (const hash of this.hashes) hash.update(chunk);
    this.size += chunk.length;
  }

  async snapshot(): Promise<DigestSnapshot> {
    return { size: this.size, digests: Object.fromEntries(this.kinds.map((kind, i) => [kind, this.hashes[i]!.copy().digest()])) };
  }

  close(): void {}
}

/** Wraps a scratch so that appends feed running sha1/md5 (and sha256 when `withSha256`) hashes. */
export class RunningDigestScratch implements ScratchBlob {
  private readonly kinds: DigestKind[];
  /** undefined before the first write decides where to hash, null once the hashes were dropped. */
  private hashes: RunningHashes | undefined | null;

  constructor(
    private readonly inner: ScratchBlob,
    withSha256: boolean,
  ) {
    this.kinds = withSha256 ? ['sha1', 'md5', 'sha256'] : ['sha1', 'md5'];
    // A scratch that starts with content (a copy of a file) has bytes the hashes never saw.
    this.hashes = inner.size() === 0 ? undefined : null;
  }

  get id(): string {
    return this.inner.id;
  }

  size(): number {
    return this.inner.size();
  }

  async writeAt(offset: number, source: AsyncIterable<Buffer>, observe?: (chunk: Buffer) => Promise<void> | void, expectedLength?: number): Promise<number> {
    if (this.hashes === undefined) {
      const large = expectedLength !== undefined && expectedLength >= OFF_THREAD_FIRST_WRITE;
      this.hashes = large ? new OffThreadDigests(this.kinds) : new InlineHashes(this.kinds);
    }
    const hashes = this.hashes;
    if (!hashes || offset !== hashes.size || offset !== this.inner.size()) {
      this.drop();
      return this.inner.writeAt(offset, source, observe, expectedLength);
    }
    try {
      return await this.inner.writeAt(
        offset,
        source,
        (chunk) => whenBoth(hashes.update(chunk), observe?.(chunk)),
        expectedLength,
      );
    } finally {
      // A chunk hashed but not written (a failed write) would make the hashes lie: drop them.
      if (this.inner.size() !== hashes.size) this.drop();
    }
  }

  async truncate(length: number): Promise<void> {
    if (length !== this.inner.size()) this.drop();
    await this.inner.truncate(length);
  }

  read(range?: ByteRange): Readable {
    return this.inner.read(range);
  }

  async digests(extra: ExtraDigest | undefined): Promise<ContentDigests> {
    return (await this.known(extra)) ?? this.inner.digests(extra);
  }

  async commit(extra: ExtraDigest | undefined): Promise<StoredBlob> {
    const known = await this.known(extra);
    this.drop();
    return this.inner.commit(extra, known);
  }

  discard(): Promise<void> {
    this.drop();
    return this.inner.discard();
  }

  private drop(): void {
    this.hashes?.close();
    this.hashes = null;
  }

  /** The digests from the running hashes, when they cover the content and the kind asked for. */
  private async known(extra: ExtraDigest | undefined): Promise<ContentDigests | undefined> {
    const hashes = this.hashes;
    if (!hashes || (extra !== undefined && !this.kinds.includes(extra))) return undefined;
    const { size, digests } = await hashes.snapshot().catch(() => ({ size: -1, digests: {} }) as DigestSnapshot);
    // A write that began meanwhile, or a worker that failed: read the content back instead.
    if (size !== this.inner.size() || this.hashes !== hashes) return undefined;
    return digestsOf(size, digests.sha1!, extra, extra ? digests[extra]!.toString('hex') : undefined);
  }
}
