/**
 * Sizes as rclone's `--max-size`/`--min-size` take them, in binary units: `B` bytes, `K` KiB
 * (1024 bytes), `M` MiB, `G` GiB, `T` TiB, `P` PiB; `Ki`, `KiB` and lower case are the same.
 * rclone reads a bare number as KiB; we refuse it instead, since `--max-size 100` reads as bytes to
 * most people: the unit must be said (0 needs none).
 */

const MULTIPLIERS: Readonly<Record<string, number>> = { b: 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40, p: 2 ** 50 };
const SIZE = /^(\d+(?:\.\d+)?)\s*(?:([kmgtp])(?:i?b?)|(b))$/i;

/** What the size options accept, for error messages. */
export const SIZE_FORMS = 'a size with its unit, such as 500K, 10M or 1.5G (binary: K = 1024 bytes, M = 1024 K, …; B for bytes)';

/** Bytes of a size such as `10M` or `1.5G` (rounded down to a whole byte); undefined when `text` is not one. */
export function parseSize(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '0') return 0;
  const match = SIZE.exec(trimmed);
  if (!match) return undefined;
  const unit = (match[2] ?? match[3] ?? '').toLowerCase();
  const bytes = Math.floor(Number(match[1]) * (MULTIPLIERS[unit] ?? Number.NaN));
  return Number.isSafeInteger(bytes) ? bytes : undefined;
}
