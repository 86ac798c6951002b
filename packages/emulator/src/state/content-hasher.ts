/**
 * Digests of file content, computed while the bytes stream through: sha1 always, plus md5 (US
 * accounts) or sha256 (EU accounts) as checksumfile reports them (pcloud-api.md §4.8), and
 * the 64-bit content `hash` of the metadata (§2.1). Content of small or unknown size is hashed
 * on the calling thread; content announced as large on a worker thread (off-thread-digests.ts),
 * where that pays for the worker's start-up.
 */
import { createHash, type Hash } from 'node:crypto';
import { OFF_THREAD_MIN_BYTES, OffThreadDigests } from './off-thread-digests.js';

/** The second checksum an account's region reports beside sha1. */
export type ExtraDigest = 'md5' | 'sha256';

/** Digests of one content. */
export interface ContentDigests {
  size: number;
  sha1: string;
  md5?: string;
  sha256?: string;
  /** Unsigned 64-bit content hash: equal content, equal hash; spread over the full range, so most exceed 2^53. */
  hash: bigint;
}

/** Digests from a finished sha1 and the region's second checksum (hex). */
export function digestsOf(size: number, sha1: Buffer, extraKind: ExtraDigest | undefined, extra: string | undefined): ContentDigests {
  const result: ContentDigests = { size, sha1: sha1.toString('hex'), hash: sha1.readBigUInt64BE(0) };
  if (extraKind && extra !== undefined) result[extraKind] = extra;
  return result;
}

/** Incremental hasher for one content, on the calling thread. */
export class ContentHasher {
  private readonly sha1: Hash = createHash('sha1');
  private readonly extra: Hash | undefined;
  private size = 0;

  constructor(private readonly extraKind: ExtraDigest | undefined) {
    this.extra = extraKind ? createHash(extraKind) : undefined;
  }

  /** Feeds the next bytes. */
  update(chunk: Buffer): void {
    this.size += chunk.length;
    this.sha1.update(chunk);
    this.extra?.update(chunk);
  }

  /** Finishes and returns the digests. */
  digest(): ContentDigests {
    return digestsOf(this.size, this.sha1.digest(), this.extraKind, this.extra?.digest('hex'));
  }
}

/** What the blob stores need of a hasher. */
export interface Hashing {
  /** Feeds the next bytes; a returned promise asks the caller to wait before feeding more. */
  update(chunk: Buffer): Promise<void> | void;
  /** The digests of everything fed; the hasher is done afterwards. */
  digest(): ContentDigests | Promise<ContentDigests>;
  /** Gives up (the content broke off): frees what the hasher holds. */
  abandon(): void;
}

/** A hasher for a content of `expectedSize` bytes (undefined: not known up front). */
export function hashingFor(extra: ExtraDigest | undefined, expectedSize: number | undefined): Hashing {
  if (expectedSize !== undefined && expectedSize >= OFF_THREAD_MIN_BYTES) return offThread(extra);
  const hasher = new ContentHasher(extra);
  return { update: (chunk) => hasher.update(chunk), digest: () => hasher.digest(), abandon: () => undefined };
}

function offThread(extra: ExtraDigest | undefined): Hashing {
  const worker = new OffThreadDigests(extra ? ['sha1', extra] : ['sha1']);
  return {
    update: (chunk) => worker.update(chunk),
    async digest() {
      try {
        const { size, digests } = await worker.snapshot();
        return digestsOf(size, digests.sha1!, extra, extra ? digests[extra]!.toString('hex') : undefined);
      } finally {
        worker.close();
      }
    },
    abandon: () => worker.close(),
  };
}
