/**
 * Decoding `a=1&b=2` (query strings and urlencoded bodies), given as byte strings (latin1: one
 * char per byte, as Node hands over a request line). pCloud names are UTF-8; a value whose bytes
 * are not valid UTF-8 is kept with a NUL in front, so any name made from it is refused with
 * 2001 "Invalid file/folder name." (NUL is forbidden in names) instead of being silently mangled.
 */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lossyUtf8 = new TextDecoder('utf-8');
const HEX = /^[0-9a-fA-F]{2}$/;

/** Percent-decodes one component (`+` is a space) of a byte string. */
export function decodeComponent(bytes: string): string {
  const out = Buffer.allocUnsafe(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes.charCodeAt(i);
    if (c === 0x2b) out[n++] = 0x20;
    else if (c === 0x25 && HEX.test(bytes.slice(i + 1, i + 3))) {
      out[n++] = parseInt(bytes.slice(i + 1, i + 3), 16);
      i += 2;
    } else out[n++] = c & 0xff;
  }
  const raw = out.subarray(0, n);
  try {
    return strictUtf8.decode(raw);
  } catch {
    return `\u0000${lossyUtf8.decode(raw)}`;
  }
}

/** Adds the pairs of `a=1&b=2` to `into` (later pairs win). */
export function addQueryPairs(bytes: string, into: Map<string, string>): void {
  for (const pair of bytes.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = decodeComponent(eq < 0 ? pair : pair.slice(0, eq));
    into.set(key, eq < 0 ? '' : decodeComponent(pair.slice(eq + 1)));
  }
}
