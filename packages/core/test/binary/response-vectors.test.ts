import { describe, expect, it } from 'vitest';
import { BinaryData, decodeResponseFrame, encodeResponse, ResponseDecoder } from '../../src/binary/index.js';
import { hex } from './hex.js';

// Every response vector of pcloud-api.md §9.4 (compact encoding), byte for byte.
const COMPACT = [
  { json: { result: 0 }, bytes: hex('0a 00 00 00 10 6a 72 65 73 75 6c 74 c8 ff') },
  {
    json: { result: 2009, error: 'File not found.' },
    bytes: hex('22 00 00 00 10 6a 72 65 73 75 6c 74 09 d9 07 69 65 72 72 6f 72 73 46 69 6c 65 20 6e 6f 74 20 66 6f 75 6e 64 2e ff'),
  },
  {
    json: { result: 0, data: new BinaryData(4) },
    bytes: hex('18 00 00 00 10 6a 72 65 73 75 6c 74 c8 68 64 61 74 61 14 04 00 00 00 00 00 00 00 ff'),
  },
  {
    json: { result: 0, fd: 1, fileid: 1234 },
    bytes: hex('18 00 00 00 10 6a 72 65 73 75 6c 74 c8 66 66 64 c9 6a 66 69 6c 65 69 64 09 d2 04 ff'),
  },
  {
    json: { result: 0, a: [{ name: 'x' }, { name: 'y' }], b: true, c: false, n: 300 },
    bytes: hex(
      '27 00 00 00 10 6a 72 65 73 75 6c 74 c8 65 61 11 10 68 6e 61 6d 65 65 78 ff 10 98 65 79 ff ff 65 62 13 65 63 12 65 6e 09 2c 01 ff',
    ),
  },
  {
    json: { result: 0, hash: 10681749967730527559n },
    bytes: hex('18 00 00 00 10 6a 72 65 73 75 6c 74 c8 68 68 61 73 68 0f 47 4d 1e 56 00 33 3d 94 ff'),
  },
];

const LONG_FORM = { json: { result: 0 }, bytes: hex('16 00 00 00 10 03 06 00 00 00 72 65 73 75 6c 74 0f 00 00 00 00 00 00 00 00 ff') };

function decodeWhole(bytes: Buffer) {
  return decodeResponseFrame(bytes.subarray(4, 4 + bytes.readUInt32LE(0)));
}

describe('binary response vectors (pcloud-api.md §9.4)', () => {
  it.each(COMPACT)('encodes $json in the compact form byte for byte', ({ json, bytes }) => {
    expect(encodeResponse(json).toString('hex')).toBe(bytes.toString('hex'));
  });

  it.each(COMPACT)('decodes the compact bytes of $json', ({ json, bytes }) => {
    expect(decodeWhole(bytes).value).toEqual(json);
  });

  it('encodes and decodes the long-form vector (type 3 string, type 15 number)', () => {
    expect(encodeResponse(LONG_FORM.json, { longForm: true }).toString('hex')).toBe(LONG_FORM.bytes.toString('hex'));
    expect(decodeWhole(LONG_FORM.bytes)).toEqual({ value: { result: 0 }, dataLength: 0 });
  });

  it('reports the data length of the data vector and hands out the 4 bytes after it', () => {
    const decoder = new ResponseDecoder();
    decoder.push(Buffer.concat([COMPACT[2]!.bytes, Buffer.from('abcd')]));
    expect(decoder.next()).toEqual({ kind: 'frame', frame: { result: 0, data: new BinaryData(4) }, dataLength: 4 });
    expect(decoder.next()).toEqual({ kind: 'data', chunk: Buffer.from('abcd'), remaining: 0 });
    expect(decoder.next()).toBeUndefined();
  });

  it('walks the error vector as the spec does: R = 34, 2009 in two bytes, three new strings', () => {
    const bytes = COMPACT[1]!.bytes;
    expect(bytes.readUInt32LE(0)).toBe(34);
    expect(bytes.length).toBe(38);
    expect(bytes.subarray(12, 15)).toEqual(hex('09 d9 07'));
  });
});
