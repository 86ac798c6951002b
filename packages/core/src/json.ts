/**
 * JSON that keeps pCloud's 64-bit integers exact (content `hash` often exceeds 2^53).
 * Parsing turns any integer outside the safe range into a bigint; stringifying writes bigints as
 * bare integers.
 *
 * Why not a reviver with the source text: V8 then calls back for every value and cuts out its
 * source, which makes a 10,000-file listing several times slower to parse than JSON.parse alone.
 * Why not rewriting the text (the big integers quoted, then revived): a listing holds one big
 * hash per file, so the text is copied whole and parsed with 10,000 more strings (a 3 MB listing:
 * 38 ms against 14 ms for JSON.parse alone). Instead JSON.parse reads the text as it is, one pass
 * over the text finds the integer literals too long to be safe outside strings, in order, and one
 * walk of the result puts each one back, exact, where JSON.parse left its rounded value.
 */

const BACKSLASH = 92;
const MINUS = 45;
const DOT = 46;
const PLUS = 43;
const LOWER_E = 101;
const UPPER_E = 69;
const COLON = 58;
const COMMA = 44;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

/** Parses JSON; integers beyond ±(2^53−1) become bigints, all other numbers stay numbers. */
export function parseJson(text: string): unknown {
  const value: unknown = JSON.parse(text);
  const { literals, doubtful } = unsafeIntegers(text);
  if (literals.length === 0 && !doubtful) return value;
  const exact = { literals, next: 0, ok: true };
  const result = restore(value, exact);
  // Anything that does not pair up one to one (a long fraction or an exponent beyond 2^53, keys
  // JSON.parse reorders, duplicate keys) takes the slow exact way.
  if (exact.ok && exact.next === literals.length) return result;
  return JSON.parse(text, keepBigIntegers as Parameters<typeof JSON.parse>[1]);
}

/** Digit runs long enough to be unsafe, with their sign: candidates, found by the regex engine (fast even in a cold process). */
const LONG_INTEGER = /-?\d{16,}/g;

/**
 * The integer literals outside strings that do not fit a number exactly, in the order of the
 * text. Numbers with a fraction or an exponent stay numbers, as JSON.parse makes them. Whether a
 * candidate lies in a string is told by the nearest unescaped quote before it (no quote lies
 * between): it must close a string, which in JSON text JSON.parse accepted is certain when a
 * `:`, `,`, `}` or `]` follows it and none of `{`, `[`, `,`, `:` (which come before every opening
 * quote) precedes it. A closing quote this cannot vouch for (a string ending in one of those)
 * only loses its literal, which parseJson notices and answers the slow exact way; no quote of a
 * string is ever taken for a closing one. Each candidate looks back a few characters, instead of
 * the text's every quote being walked (a 3 MB listing holds 400,000).
 */
function unsafeIntegers(text: string): { literals: string[]; doubtful: boolean } {
  const found: string[] = [];
  // Set when a candidate was left out as lying in a string: then the walk must confirm that no value lost its literal.
  let doubtful = false;
  LONG_INTEGER.lastIndex = 0;
  for (let match = LONG_INTEGER.exec(text); match !== null; match = LONG_INTEGER.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    if (partOfFloat(text.charCodeAt(start - 1)) || partOfFloat(text.charCodeAt(end))) continue;
    if (Number.isSafeInteger(Number(match[0]))) continue;
    if (afterClosingQuote(text, start)) found.push(match[0]);
    else doubtful = true;
  }
  return { literals: found, doubtful };
}

/** Whether the nearest unescaped quote before `at` surely closes a string (true when there is none: the text is a bare value). */
function afterClosingQuote(text: string, at: number): boolean {
  let quote = text.lastIndexOf('"', at - 1);
  while (quote > 0 && escaped(text, quote)) quote = text.lastIndexOf('"', quote - 1);
  if (quote === -1) return true;
  const after = text.charCodeAt(skipSpace(text, quote + 1, 1));
  if (after !== COLON && after !== COMMA && after !== CLOSE_BRACE && after !== CLOSE_BRACKET) return false;
  const before = text.charCodeAt(skipSpace(text, quote - 1, -1));
  return before !== OPEN_BRACE && before !== OPEN_BRACKET && before !== COMMA && before !== COLON;
}

/** The first index from `at` in direction `step` that is not JSON whitespace. */
function skipSpace(text: string, at: number, step: 1 | -1): number {
  let index = at;
  for (let code = text.charCodeAt(index); code === 32 || code === 9 || code === 10 || code === 13; code = text.charCodeAt(index))
    index += step;
  return index;
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

/** The exact literals of the text, and the next one to put back; `ok` false once they do not pair up. */
interface ExactIntegers {
  literals: string[];
  next: number;
  ok: boolean;
}

/**
 * Puts the exact integers back, in place, walking the parsed value in the order of its text:
 * each number JSON.parse could not keep exact must be the next literal's rounded value. Integer
 * keys break that order (JSON.parse puts them first), so an object with one gives up.
 */
function restore(value: unknown, exact: ExactIntegers): unknown {
  if (typeof value === 'number') return Number.isSafeInteger(value) || !Number.isInteger(value) ? value : take(value, exact);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let at = 0; at < value.length; at += 1) {
      const item: unknown = value[at];
      if (typeof item === 'object' || typeof item === 'number') value[at] = restore(item, exact);
    }
    return value;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) {
    const first = key.charCodeAt(0);
    if (first >= 48 && first <= 57) exact.ok = false;
    const item = record[key];
    if ((typeof item === 'object' && item !== null) || typeof item === 'number') record[key] = restore(item, exact);
  }
  return record;
}

/** The next literal as a bigint when it is the one JSON.parse rounded to `value`. */
function take(value: number, exact: ExactIntegers): unknown {
  const literal = exact.literals[exact.next];
  if (literal === undefined || Number(literal) !== value) {
    exact.ok = false;
    return value;
  }
  exact.next += 1;
  return BigInt(literal);
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
