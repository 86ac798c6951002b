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
});
