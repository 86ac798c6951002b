import type * as v8 from 'node:v8';

/**
 * Asks V8 to keep the heap near its live size (`--optimize-for-size`) from now on, once a command
 * starts copying files. Thousands of small transfers promote per-request garbage, and by default
 * V8 lets the old generation grow to ~3x what is live: 2,000 x 4 KiB down peaked at 153-175 MB
 * RSS without it, 105-109 MB with it set here, 110 MB as a bin flag (measured side by side). It
 * is not free: the same copy on loopback took ~20% more wall time and ~25% more CPU with it (4
 * interleaved pairs, load 3.5-5); memory was chosen, as a nightly backup on a small NAS or VPS
 * needs it more than a loopback copy needs the time, and over a real network round trips, not
 * CPU, bound small files. As a bin flag it also cost every start-up ~20-30 ms of CPU (`pcutil
 * ls`, `--help`) that no copy needed, so it is set here. V8 reads it at every collection, so
 * setting it late changes only the heap's growth from then on; it is a heuristic, never a limit.
 * Setting it again is harmless.
 */
export function keepHeapCompact(): void {
  (process.getBuiltinModule('node:v8') as typeof v8).setFlagsFromString('--optimize-for-size');
}
