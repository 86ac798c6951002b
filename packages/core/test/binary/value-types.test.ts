import { describe, expect, it } from 'vitest';
import { BinaryData, decodeResponseFrame } from '../../src/binary/index.js';
import { hex } from './hex.js';

/** Decodes a hand-written value wrapped as `{"v": <value>}` (key "v" gets string id 0). */
function decodeMember(valueHex: string): unknown {
  return decodeResponseFrame(hex(`10 65 76 ${valueHex} ff`)).value.v;
}

// Hand-written bytes for every type of the §9.3 table, independent of our encoder.
describe('binary response value types (pcloud-api.md §9.3)', () => {
  it.each([
    ['00 03 61 62 63', 'abc'],
    ['01 03 00 61 62 63', 'abc'],
    ['02 03 00 00 61 62 63', 'abc'],
    ['03 03 00 00 00 61 62 63', 'abc'],
    ['64', ''],
    ['67 61 62 63', 'abc'],
    [`95 ${'7a '.repeat(49)}`, 'z'.repeat(49)],
    ['66 c3 a9', 'é'],
  ])('new string %s', (bytes, expected) => {
    expect(decodeMember(bytes)).toBe(expected);
  });

  it.each([
    ['96', 'v'],
    ['04 00', 'v'],
    ['05 00 00', 'v'],
    ['06 00 00 00', 'v'],
    ['07 00 00 00 00', 'v'],
  ])('reused string %s refers to id 0 (the key)', (bytes, expected) => {
    expect(decodeMember(bytes)).toBe(expected);
  });

  it('numbers ids in byte order across keys and values, nested ones included', () => {
    // {"v": ["a", {"b": "c"}], "w": [id1 "a", id2 "b", id3 "c", id0 "v"]}
    const frame = hex('10 65 76 11 65 61 10 65 62 65 63 ff ff 65 77 11 97 98 99 96 ff ff');
    expect(decodeResponseFrame(frame).value).toEqual({ v: ['a', { b: 'c' }], w: ['a', 'b', 'c', 'v'] });
  });

  it('refers to ids above 49 with the long reuse types', () => {
    const keys = Array.from({ length: 60 }, (_, i) => `k${i}`);
    const members = keys
      .map((key) => `${Buffer.from([100 + key.length]).toString('hex')} ${Buffer.from(key).toString('hex')} c8`)
      .join(' ');
    // id 0..59 are k0..k59 (the values are small numbers); then "x": reuse id 55 via type 4.
    const frame = hex(`10 ${members} 65 78 04 37 ff`);
    expect(decodeResponseFrame(frame).value.x).toBe('k55');
  });

  it.each([
    ['08 ff', 255],
    ['09 d9 07', 2009],
    ['0a 01 02 03', 0x030201],
    ['0b ff ff ff ff', 0xffffffff],
    ['0c 01 00 00 00 01', 2 ** 32 + 1],
    ['0d ff ff ff ff ff ff', 2 ** 48 - 1],
    ['0e ff ff ff ff ff ff 1f', Number.MAX_SAFE_INTEGER],
    ['0e 00 00 00 00 00 00 20', 2n ** 53n],
    ['0f ff ff ff ff ff ff ff ff', 2n ** 64n - 1n],
    ['0f 01 00 00 00 00 00 00 00', 1],
    ['c8', 0],
    ['db', 19],
  ])('integer %s', (bytes, expected) => {
    expect(decodeMember(bytes)).toBe(expected);
  });

  it('booleans, arrays, empty hashes and data', () => {
    expect(decodeMember('12')).toBe(false);
    expect(decodeMember('13')).toBe(true);
    expect(decodeMember('11 ff')).toEqual([]);
    expect(decodeMember('10 ff')).toEqual({});
    expect(decodeMember('11 11 c9 ff 10 ff 13 ff')).toEqual([[1], {}, true]);
    const decoded = decodeResponseFrame(hex('10 65 76 14 00 01 00 00 00 00 00 00 ff'));
    expect(decoded.value.v).toBeInstanceOf(BinaryData);
    expect(decoded.dataLength).toBe(256);
  });

  it('keeps a "__proto__" key as plain data', () => {
    const decoded = decodeResponseFrame(hex('10 6d 5f 5f 70 72 6f 74 6f 5f 5f 10 65 61 c9 ff ff')).value;
    expect(Object.keys(decoded)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    expect((decoded as Record<string, unknown>).a).toBeUndefined();
  });
});
