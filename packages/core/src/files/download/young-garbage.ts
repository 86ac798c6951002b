/**
 * Bounded memory for a long download: every socket read arrives in a fresh 16 KiB buffer (Node's
 * TLS layer allocates one per record), and V8 frees those only when the young generation is
 * collected, which the little JavaScript a download runs triggers once per ~17 MiB of data. The
 * unfreed buffers, not live data, were most of a big download's memory. A minor collection every
 * MiB frees them as they go, when the host exposed `gc` (pcutil's bin runs with --expose-gc).
 *
 * Measured, 1 GiB over HTTPS from the emulator (Node 24, --max-semi-space-size=1): a plain
 * https.get that hashes and drops its data, peak RSS 113 → 79 MB (arrayBuffers 40 → 11 MB);
 * `pcutil cp` of the file, peak RSS 102–116 → 93–95 MB (median of 3 interleaved runs each, load
 * 3–5). Every 256 KiB was worse (125 MB: objects promoted early), every 2–4 MiB kept 96–100 MB.
 */

/** Bytes between two minor collections. */
const EVERY_BYTES = 1024 * 1024;

type MinorGc = (options: { type: 'minor' }) => void;

/** Counts bytes received and collects young garbage every MiB; does nothing without an exposed `gc`. */
export function youngGarbageCollector(): (bytes: number) => void {
  const gc = (globalThis as { gc?: MinorGc }).gc;
  if (typeof gc !== 'function') return () => undefined;
  let since = 0;
  return (bytes) => {
    since += bytes;
    if (since >= EVERY_BYTES) {
      since -= EVERY_BYTES;
      gc({ type: 'minor' });
    }
  };
}
