import { describe, expect, it } from 'vitest';
import { parseJson, stringifyJson } from '../src/json.js';

describe('parseJson / stringifyJson', () => {
  it('keeps integers above 2^53 exact as bigints', () => {
    const parsed = parseJson('{"result":0,"hash":10681749967730527559,"size":12}') as Record<string, unknown>;
    expect(parsed.hash).toBe(10681749967730527559n);
    expect(parsed.size).toBe(12);
  });

  it('leaves safe integers and fractions as numbers', () => {
    expect(parseJson('[9007199254740991, 1.5, -3]')).toEqual([9007199254740991, 1.5, -3]);
  });

  it('writes bigints as bare integers that parse back to the same value', () => {
    const text = stringifyJson({ hash: 18446744073709551615n, n: 1 });
    expect(text).toBe('{"hash":18446744073709551615,"n":1}');
    expect((parseJson(text) as { hash: bigint }).hash).toBe(18446744073709551615n);
  });

  it('finds big integers in arrays, nested objects and at the very end of the text', () => {
    expect(parseJson('[1,18446744073709551615,[9007199254740993]]')).toEqual([1, 18446744073709551615n, [9007199254740993n]]);
    expect(parseJson('{"a":{"b":[{"hash":12345678901234567890}]}}')).toEqual({ a: { b: [{ hash: 12345678901234567890n }] } });
    expect(parseJson('18446744073709551615')).toBe(18446744073709551615n);
    expect(parseJson(' \n 9007199254740992 \n')).toBe(9007199254740992n);
  });

  it('keeps negative integers beyond the safe range exact, and the edges of the range as numbers', () => {
    expect(parseJson('[-9223372036854775808,-9007199254740991,-9007199254740992]')).toEqual([
      -9223372036854775808n,
      -9007199254740991,
      -9007199254740992n,
    ]);
  });

  it('leaves long fractions and exponents as numbers, as JSON.parse makes them', () => {
    const text = '[12345678901234567890.5,12345678901234567890e2,1E+12345678901234567,-0.12345678901234567890,1e-12345678901234567]';
    expect(parseJson(text)).toEqual(JSON.parse(text));
  });

  it('leaves digits inside strings alone, keys included, past escaped quotes and backslashes', () => {
    const text = String.raw`{"12345678901234567890":"12345678901234567890","q":"say \"18446744073709551615\" then","b":"ends in \\","n":18446744073709551615,"t":"\\\"99999999999999999999"}`;
    expect(parseJson(text)).toEqual({
      '12345678901234567890': '12345678901234567890',
      q: 'say "18446744073709551615" then',
      b: 'ends in \\',
      n: 18446744073709551615n,
      t: '\\"99999999999999999999',
    });
  });

  it('keeps strings that start with a NUL as strings, big integers beside them exact', () => {
    const text = String.raw`{"name":"\u00001234","hash":18446744073709551615,"list":["\u0000",12345678901234567890]}`;
    expect(parseJson(text)).toEqual({ name: '\u00001234', hash: 18446744073709551615n, list: ['\u0000', 12345678901234567890n] });
  });

  it('stays exact where values and literals do not pair up in order: integer keys, duplicate keys, big exponents', () => {
    // JSON.parse puts integer keys first, so the walk meets the second literal first.
    expect(parseJson('{"b":18446744073709551614,"5":18446744073709551615}')).toEqual({
      b: 18446744073709551614n,
      '5': 18446744073709551615n,
    });
    // The same rounded value as the literal after it: the exponent stays a number, the literal a bigint.
    expect(parseJson('[1.8446744073709552e19,18446744073709551615]')).toEqual([1.8446744073709552e19, 18446744073709551615n]);
    expect(parseJson('[18446744073709551615,1.8446744073709552e19]')).toEqual([18446744073709551615n, 1.8446744073709552e19]);
    expect(parseJson('{"a":18446744073709551614,"a":18446744073709551615}')).toEqual({ a: 18446744073709551615n });
  });

  it('tells digits in strings that look like values from values after strings that end like JSON punctuation', () => {
    const text = String.raw`{"a:":18446744073709551615,"n":",18446744073709551614","m":"x\",12345678901234567890 ","k,":[ "[" , 12345678901234567891 ]}`;
    expect(parseJson(text)).toEqual({
      'a:': 18446744073709551615n,
      n: ',18446744073709551614',
      m: 'x",12345678901234567890 ',
      'k,': ['[', 12345678901234567891n],
    });
  });

  it('gives what JSON.parse gives when there is no big integer, and throws as it does on bad JSON', () => {
    const text = '{"a":[true,false,null,-1,0.5,"x\\"y"],"b":{}}';
    expect(parseJson(text)).toEqual(JSON.parse(text));
    expect(() => parseJson('{"hash":18446744073709551615')).toThrow(SyntaxError);
    expect(() => parseJson('{"a":"unterminated')).toThrow(SyntaxError);
    expect(() => parseJson('[-]')).toThrow(SyntaxError);
  });

  it('agrees with the exact source-text reviver on generated listings full of quotes, escapes and big numbers', () => {
    // A small deterministic generator (no randomness between runs): mixed values at every depth.
    let seed = 7;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pieces = ['"', '\\', '1', '18446744073709551615', ':', ',', '[', '{', 'e', '-', ' ', 'é'];
    const value = (depth: number): unknown => {
      switch (next(depth > 3 ? 4 : 6)) {
        case 0:
          return Array.from({ length: next(8) }, () => pieces[next(pieces.length)]).join('');
        case 1:
          // Around the edge of the safe range, and well beyond it, either sign.
          return BigInt(`${next(2) === 0 ? '-' : ''}9007199254740${980 + next(20)}${'7'.repeat(next(6))}`);
        case 2:
          return next(1000) / 7;
        case 3:
          return [true, false, null][next(3)];
        case 4:
          return Array.from({ length: next(5) }, () => value(depth + 1));
        default:
          return Object.fromEntries(Array.from({ length: next(5) }, (_, i) => [`k${i}${pieces[next(pieces.length)]}`, value(depth + 1)]));
      }
    };
    const exact = (text: string): unknown =>
      JSON.parse(text, ((_key: string, v: unknown, context?: { source?: string }) =>
        typeof v === 'number' && !Number.isSafeInteger(v) && /^-?\d+$/.test(context?.source ?? '')
          ? BigInt(context?.source ?? '')
          : v) as never);
    for (let round = 0; round < 300; round += 1) {
      const text = stringifyJson(value(0));
      expect(parseJson(text)).toEqual(exact(text));
    }
  });
});
