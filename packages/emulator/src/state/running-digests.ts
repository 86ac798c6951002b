/**
 * Digests of a scratch kept up to date while it only grows by appends — the normal shape of a
 * resumable upload (`upload_write` at the current size). `upload_info` and `upload_save` then
 * answer from the running hashes instead of reading gigabytes back; any other write (an
 * overwrite, a gap, a truncate) drops them and the scratch is read back as before.
 */
import { createHash, type Hash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { ByteRange, ScratchBlob, StoredBlob } from './blob-store.js';
import type { ContentDigests, ExtraDigest } from './content-hasher.js';

interface Hashers {
  sha1: Hash;
  md5: Hash;
  sha256: Hash | undefined;
  size: number;
}

/** Wraps a scratch so that appends feed running sha1/md5 (and sha256 when `withSha256`) hashes. */
export class RunningDigestScratch implements ScratchBlob {
  private hashers: Hashers | undefined;

  constructor(
    private readonly inner: ScratchBlob,
    withSha256: boolean,
  ) {
    // A scratch that starts with content (a copy of a file) has bytes the hashes never saw.
    this.hashers = inner.size() === 0 ? { sha1: createHash('sha1'), md5: createHash('md5'), sha256: withSha256 ? createHash('sha256') : undefined, size: 0 } : undefined;
  }

  get id(): string {
    return this.inner.id;
  }

  size(): number {
    return this.inner.size();
  }

  async writeAt(offset: number, source: AsyncIterable<Buffer>, observe?: (chunk: Buffer) => void): Promise<number> {
    const current = this.hashers;
    if (!current || offset !== current.size || offset !== this.inner.size()) {
      this.hashers = undefined;
      return this.inner.writeAt(offset, source, observe);
    }
    const hashers: Hashers = current;
    let fed = 0;
    try {
      return await this.inner.writeAt(offset, source, (chunk) => {
        hashers.sha1.update(chunk);
        hashers.md5.update(chunk);
        hashers.sha256?.update(chunk);
        fed += chunk.length;
        observe?.(chunk);
      });
    } finally {
      hashers.size += fed;
      // A chunk hashed but not written (a failed write) would make the hashes lie: drop them.
      if (this.inner.size() !== hashers.size) this.hashers = undefined;
    }
  }

  async truncate(length: number): Promise<void> {
    if (length !== this.inner.size()) this.hashers = undefined;
    await this.inner.truncate(length);
  }

  read(range?: ByteRange): Readable {
    return this.inner.read(range);
  }

  digests(extra: ExtraDigest | undefined): Promise<ContentDigests> {
    const known = this.known(extra);
    return known ? Promise.resolve(known) : this.inner.digests(extra);
  }

  commit(extra: ExtraDigest | undefined): Promise<StoredBlob> {
    return this.inner.commit(extra, this.known(extra));
  }

  discard(): Promise<void> {
    return this.inner.discard();
  }

  /** The digests from the running hashes, when they cover the content and the kind asked for. */
  private known(extra: ExtraDigest | undefined): ContentDigests | undefined {
    const hashers = this.hashers;
    if (!hashers || hashers.size !== this.inner.size() || (extra === 'sha256' && !hashers.sha256)) return undefined;
    const sha1 = hashers.sha1.copy().digest();
    const digests: ContentDigests = { size: hashers.size, sha1: sha1.toString('hex'), hash: sha1.readBigUInt64BE(0) };
    if (extra === 'md5') digests.md5 = hashers.md5.copy().digest('hex');
    if (extra === 'sha256' && hashers.sha256) digests.sha256 = hashers.sha256.copy().digest('hex');
    return digests;
  }
}
