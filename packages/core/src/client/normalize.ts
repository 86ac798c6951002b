/**
 * One shape for every transport's answers: content `hash` values are always bigints (JSON gives
 * a number below 2^53 and a bigint above; the binary protocol may give either), and any other
 * bigint that fits a number becomes a number, so ids and sizes are plain numbers.
 */

const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Returns the answer with `hash` fields as bigints and small bigints elsewhere as numbers. The
 * answer is changed in place (it is a fresh decode nobody else holds): a recursive listing of
 * 10,000 files is walked without copying it.
 */
export function normalizeAnswer(value: unknown, key?: string): unknown {
  if (key === 'hash') {
    if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
    if (typeof value === 'string' && /^\d+$/.test(value)) return BigInt(value);
    return value;
  }
  if (typeof value === 'bigint') return value >= MIN_SAFE && value <= MAX_SAFE ? Number(value) : value;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let at = 0; at < value.length; at += 1) {
      const item: unknown = value[at];
      if (typeof item === 'object' || typeof item === 'bigint') value[at] = normalizeAnswer(item);
    }
    return value;
  }
  const record = value as Record<string, unknown>;
  for (const field of Object.keys(record)) {
    const item = record[field];
    if (field === 'hash' || typeof item === 'object' || typeof item === 'bigint') record[field] = normalizeAnswer(item, field);
  }
  return record;
}
