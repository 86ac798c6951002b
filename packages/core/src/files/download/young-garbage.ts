/**
 * Bounded memory for a long download: every socket read arrives in a fresh 16 KiB buffer (Node's
 * TLS layer allocates one per record), and V8 frees those only when the young generation is
 * collected, which the little JavaScript a download runs triggers once per ~17 MiB of data. The
 * unfreed buffers, not live data, were most of a big download's memory. A minor collection every
 * few MiB keeps them to that — when the host exposed `gc` (pcutil's bin runs with --expose-gc).
 *
 * Measured, 1 GiB over HTTPS from the emulator, a plain https.get that drops its data (Node 24,
 * --max-semi-space-size=1): peak RSS 113 → 80 MB, arrayBuffers 40 → 8 MB, and faster (1.3 → 0.8 s:
 * the allocator reuses memory still in the cache).
 */

/** Bytes between two minor collections. */
const EVERY_BYTES = 1024 * 1024;

type MinorGc = (options: { type: 'minor' }) => void;

/** Counts bytes received and collects young garbage every few MiB; does nothing without an exposed `gc`. */
export function youngGarbageCollector(): (bytes: number) => void {
  const gc = (globalThis as { gc?: MinorGc }).gc;
  if (typeof gc !== 'function') return () => undefined;
  let since = 0;
  return (bytes) => {
    since += bytes;
    if (since >= EVERY_BYTES) {
      since = 0;
      gc({ type: 'minor' });
    }
  };
}
