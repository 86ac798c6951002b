/**
 * Which hasher a content gets: on the calling thread for small or unknown sizes, on a worker
 * thread (off-thread-hasher.ts) for content announced as large, where it pays for its start-up.
 */
import { ContentHasher, type ContentDigests, type ExtraDigest } from './content-hasher.js';
import { OFF_THREAD_MIN_BYTES, OffThreadHasher } from './off-thread-hasher.js';

/** What the blob stores need of a hasher. */
export interface Hashing {
  /** Feeds the next bytes; a returned promise asks the caller to wait before feeding more. */
  update(chunk: Buffer): Promise<void> | void;
  digest(): ContentDigests | Promise<ContentDigests>;
  /** Gives up (the content broke off): frees what the hasher holds. */
  abandon(): void;
}

/** A hasher for a content of `expectedSize` bytes (undefined: not known up front). */
export function hashingFor(extra: ExtraDigest | undefined, expectedSize: number | undefined): Hashing {
  if (expectedSize !== undefined && expectedSize >= OFF_THREAD_MIN_BYTES) return new OffThreadHasher(extra);
  const hasher = new ContentHasher(extra);
  return { update: (chunk) => hasher.update(chunk), digest: () => hasher.digest(), abandon: () => undefined };
}
