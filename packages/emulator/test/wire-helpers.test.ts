import { describe, expect, test } from 'vitest';
import { parseRange } from '../src/http/download-server.js';
import { addQueryPairs, decodeComponent } from '../src/http/query-params.js';
import { isValidName } from '../src/state/names.js';

describe('parseRange', () => {
  test.each([
    ['bytes=0-9', 100, { start: 0, end: 9 }],
    ['bytes=90-', 100, { start: 90, end: 99 }],
    ['bytes=-10', 100, { start: 90, end: 99 }],
    ['bytes=50-500', 100, { start: 50, end: 99 }],
    ['bytes=-500', 100, { start: 0, end: 99 }],
  ])('%s of %i bytes', (header, size, expected) => {
    expect(parseRange(header, size)).toEqual(expected);
  });

  test.each([['bytes=100-'], ['bytes=9-3'], ['bytes=-0']])('%s is unsatisfiable', (header) => {
    expect(parseRange(header, 100)).toBeNull();
  });

  test.each([[undefined], ['items=0-1'], ['bytes=0-1,5-6'], ['bytes=-']])('%s is ignored', (header) => {
    expect(parseRange(header, 100)).toBeUndefined();
  });
});

describe('query decoding', () => {
  test('plus is a space, percent escapes are UTF-8, a lone percent stays', () => {
    expect(decodeComponent('a+b%20c')).toBe('a b c');
    expect(decodeComponent('%E6%9D%B1%E4%BA%AC')).toBe('東京');
    expect(decodeComponent('100%')).toBe('100%');
    expect(decodeComponent('%2B%26%23')).toBe('+&#');
  });

  test('invalid UTF-8 is marked with a NUL so that names built from it are refused', () => {
    const decoded = decodeComponent('bad%FF');
    expect(decoded.startsWith('\u0000')).toBe(true);
    expect(isValidName(decoded)).toBe(false);
  });

  test('later pairs win and keys without values are empty', () => {
    const params = new Map<string, string>();
    addQueryPairs('a=1&b&a=2&&c=%3D', params);
    expect([...params]).toEqual([
      ['a', '2'],
      ['b', ''],
      ['c', '='],
    ]);
  });
});

describe('names', () => {
  test.each([['plain.txt'], ['a & b # c % d + e'], ['..hidden'], ['x'.repeat(1023)], ['é'.repeat(511)]])('%s is valid', (name) => {
    expect(isValidName(name)).toBe(true);
  });

  test.each([[''], ['.'], ['..'], ['a/b'], ['a\\b'], ['a\u0000b'], ['x'.repeat(1024)], ['é'.repeat(512)], ['\uD800x']])(
    '%j is invalid',
    (name) => {
      expect(isValidName(name)).toBe(false);
    },
  );
});
