/**
 * One shape for every transport's answers: content `hash` values are always bigints (JSON gives
 * a number below 2^53 and a bigint above; the binary protocol may give either), and any other
 * bigint that fits a number becomes a number, so ids and sizes are plain numbers.
 */

/** Returns the answer with `hash` fields as bigints and small bigints elsewhere as numbers. */
export function normalizeAnswer(value: unknown, key?: string): unknown {
  if (key === 'hash') {
    if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
    if (typeof value === 'string' && /^\d+$/.test(value)) return BigInt(value);
    return value;
  }
  if (typeof value === 'bigint') {
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
  }
  if (Array.isArray(value)) return value.map((item) => normalizeAnswer(item));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = normalizeAnswer(v, k);
    return out;
  }
  return value;
}
