/**
 * Which hasher a content gets: on the calling thread for small or unknown sizes, on a worker
 * thread (off-thread-digests.ts) for content announced as large, where it pays for its start-up.
 */
import { ContentHasher, digestsOf, type ContentDigests, type ExtraDigest } from './content-hasher.js';
import { OFF_THREAD_MIN_BYTES, OffThreadDigests } from './off-thread-digests.js';

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
