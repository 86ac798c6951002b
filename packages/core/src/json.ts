/**
 * JSON that keeps pCloud's 64-bit integers exact (content `hash` often exceeds 2^53).
 * Parsing turns any integer outside the safe range into a bigint; stringifying writes bigints as
 * bare integers.
 *
 * Why not a reviver with the source text: V8 then calls back for every value and cuts out its
 * source, which makes a 10,000-file listing several times slower to parse than JSON.parse alone.
 * Instead one pass over the text finds the integer literals too long to be safe outside strings,
 * wraps each in a string with a mark no string of the text can hold (an escaped NUL, when the text
 * has none), lets JSON.parse do the rest, and turns the marked strings into bigints.
 */

/** Marked strings start with a NUL, written `\u0000`, which the text must not spell anywhere else. */
const MARK_ESCAPE = '\\u0000';

const BACKSLASH = 92;
const MINUS = 45;
const DOT = 46;
const PLUS = 43;
const LOWER_E = 101;
const UPPER_E = 69;

/** Parses JSON; integers beyond ±(2^53−1) become bigints, all other numbers stay numbers. */
export function parseJson(text: string): unknown {
  const spans = unsafeIntegers(text);
  if (spans.length === 0) return JSON.parse(text);
  // A text that already spells a NUL could collide with the marks: the slow exact way then.
  if (text.includes(MARK_ESCAPE)) return JSON.parse(text, keepBigIntegers as Parameters<typeof JSON.parse>[1]);
  const parts: string[] = [];
  let last = 0;
  for (let at = 0; at < spans.length; at += 2) {
    const start = spans[at] as number;
    const end = spans[at + 1] as number;
    parts.push(text.slice(last, start), `"${MARK_ESCAPE}`, text.slice(start, end), '"');
    last = end;
  }
  parts.push(text.slice(last));
  return reviveMarks(JSON.parse(parts.join('')));
}

/** Digit runs long enough to be unsafe, with their sign: candidates, found by the regex engine (fast even in a cold process). */
const LONG_INTEGER = /-?\d{16,}/g;

/**
 * Start and end offsets (flattened pairs) of the integer literals outside strings that do not
 * fit a number exactly. Numbers with a fraction or an exponent stay numbers, as JSON.parse makes
 * them. Whether a candidate lies in a string is told by the quotes before it, walked once.
 */
function unsafeIntegers(text: string): number[] {
  const spans: number[] = [];
  let scanned = 0;
  let inString = false;
  LONG_INTEGER.lastIndex = 0;
  for (let found = LONG_INTEGER.exec(text); found !== null; found = LONG_INTEGER.exec(text)) {
    const start = found.index;
    const end = start + found[0].length;
    for (let quote = text.indexOf('"', scanned); quote !== -1 && quote < start; quote = text.indexOf('"', scanned)) {
      scanned = quote + 1;
      // Inside a string, a quote after an odd run of backslashes is escaped.
      if (!inString || !escaped(text, quote)) inString = !inString;
    }
    if (inString || partOfFloat(text.charCodeAt(start - 1)) || partOfFloat(text.charCodeAt(end))) continue;
    if (!Number.isSafeInteger(Number(found[0]))) spans.push(start, end);
  }
  return spans;
}

function escaped(text: string, quote: number): boolean {
  let backslashes = 0;
  while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes += 1;
  return backslashes % 2 === 1;
}

/** Whether a character next to a digit run makes it part of a fraction or an exponent. */
function partOfFloat(code: number): boolean {
  return code === DOT || code === LOWER_E || code === UPPER_E || code === PLUS || code === MINUS;
}

/** Turns the marked strings into bigints, in place. */
function reviveMarks(value: unknown): unknown {
  if (typeof value === 'string') return value.charCodeAt(0) === 0 ? BigInt(value.slice(1)) : value;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let at = 0; at < value.length; at += 1) {
      const item: unknown = value[at];
      if (typeof item === 'object' || typeof item === 'string') value[at] = reviveMarks(item);
    }
    return value;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) {
    const item = record[key];
    if ((typeof item === 'object' && item !== null) || (typeof item === 'string' && item.charCodeAt(0) === 0))
      record[key] = reviveMarks(item);
  }
  return record;
}

type Reviver = (key: string, value: unknown, context?: { source?: string }) => unknown;

const INTEGER = /^-?\d+$/;

/** The exact but slow way, through the reviver's access to the source text (Node >= 21). */
const keepBigIntegers: Reviver = (_key, value, context) => {
  if (typeof value === 'number' && !Number.isSafeInteger(value) && context?.source && INTEGER.test(context.source)) {
    return BigInt(context.source);
  }
  return value;
};

/** Serialises like JSON.stringify, writing bigints as exact integers. */
export function stringifyJson(value: unknown, space?: number): string {
  return JSON.stringify(
    value,
    (_key, v: unknown) => (typeof v === 'bigint' ? (JSON as unknown as { rawJSON(s: string): unknown }).rawJSON(v.toString()) : v),
    space,
  );
}
