/**
 * JSON that keeps pCloud's 64-bit integers exact (content `hash` often exceeds 2^53).
 * Parsing turns any integer outside the safe range into a bigint, using the reviver's
 * access to the source text (Node >= 21); stringifying writes bigints as bare integers.
 */
type Reviver = (key: string, value: unknown, context?: { source?: string }) => unknown;

const INTEGER = /^-?\d+$/;

const keepBigIntegers: Reviver = (_key, value, context) => {
  if (typeof value === 'number' && !Number.isSafeInteger(value) && context?.source && INTEGER.test(context.source)) {
    return BigInt(context.source);
  }
  return value;
};

/** Parses JSON; integers beyond ±(2^53−1) become bigints, all other numbers stay numbers. */
export function parseJson(text: string): unknown {
  return JSON.parse(text, keepBigIntegers as Parameters<typeof JSON.parse>[1]);
}

/** Serialises like JSON.stringify, writing bigints as exact integers. */
export function stringifyJson(value: unknown, space?: number): string {
  return JSON.stringify(
    value,
    (_key, v: unknown) => (typeof v === 'bigint' ? (JSON as unknown as { rawJSON(s: string): unknown }).rawJSON(v.toString()) : v),
    space,
  );
}
