import { describe, expect, it } from 'vitest';
import { decodeRequestFrame, encodeRequest, RequestDecoder } from '../../src/binary/index.js';
import { hex } from './hex.js';

// Every request vector of pcloud-api.md §9.4, byte for byte.
const VECTORS = [
  {
    name: 'A (ORIG binapi.py assertion)',
    method: 'method',
    params: { int: 0, str: 'string', bool: true },
    bytes: Buffer.from('(\x00\x06method\x03Cint\x00\x00\x00\x00\x00\x00\x00\x00\x03str\x06\x00\x00\x00string\x84bool\x01', 'latin1'),
  },
  {
    name: 'A (hex dump)',
    method: 'method',
    params: { int: 0, str: 'string', bool: true },
    bytes: hex(`28 00 06 6d 65 74 68 6f 64 03 43 69 6e 74 00 00 00 00 00 00 00 00
      03 73 74 72 06 00 00 00 73 74 72 69 6e 67 84 62 6f 6f 6c 01`),
  },
  {
    name: 'B userinfo',
    method: 'userinfo',
    params: { access_token: 'abc' },
    bytes: hex('1e 00 08 75 73 65 72 69 6e 66 6f 01 0c 61 63 63 65 73 73 5f 74 6f 6b 65 6e 03 00 00 00 61 62 63'),
  },
  {
    name: 'C getfilelink',
    method: 'getfilelink',
    params: { fileid: 1234 },
    bytes: hex('1c 00 0b 67 65 74 66 69 6c 65 6c 69 6e 6b 01 46 66 69 6c 65 69 64 d2 04 00 00 00 00 00 00'),
  },
  {
    name: 'D uploadfile with data',
    method: 'uploadfile',
    params: { filename: 'a.txt', folderid: 0, access_token: 'abc' },
    dataLength: 5,
    bytes: hex(`4b 00 8a 05 00 00 00 00 00 00 00 75 70 6c 6f 61 64 66 69 6c 65 03
      08 66 69 6c 65 6e 61 6d 65 05 00 00 00 61 2e 74 78 74
      48 66 6f 6c 64 65 72 69 64 00 00 00 00 00 00 00 00
      0c 61 63 63 65 73 73 5f 74 6f 6b 65 6e 03 00 00 00 61 62 63`),
  },
  {
    name: 'E listfolder (ORIG)',
    method: 'listfolder',
    params: { folderid: 0, recursive: 0, nofiles: 0, noshares: 0, access_token: 'abc' },
    bytes: hex(`64 00 0a 6c 69 73 74 66 6f 6c 64 65 72 05 48 66 6f 6c 64 65 72 69 64 00 00 00 00 00 00 00 00
      49 72 65 63 75 72 73 69 76 65 00 00 00 00 00 00 00 00 47 6e 6f 66 69 6c 65 73 00 00 00 00 00 00 00 00
      48 6e 6f 73 68 61 72 65 73 00 00 00 00 00 00 00 00 0c 61 63 63 65 73 73 5f 74 6f 6b 65 6e 03 00 00 00 61 62 63`),
  },
  {
    name: 'F stat (ORIG)',
    method: 'stat',
    params: { path: '/Music', access_token: 'abc' },
    bytes: hex(
      '29 00 04 73 74 61 74 02 04 70 61 74 68 06 00 00 00 2f 4d 75 73 69 63 0c 61 63 63 65 73 73 5f 74 6f 6b 65 6e 03 00 00 00 61 62 63',
    ),
  },
  {
    name: 'G listfolder with a boolean',
    method: 'listfolder',
    params: { folderid: 0, recursive: false },
    bytes: hex(
      '28 00 0a 6c 69 73 74 66 6f 6c 64 65 72 02 48 66 6f 6c 64 65 72 69 64 00 00 00 00 00 00 00 00 89 72 65 63 75 72 73 69 76 65 00',
    ),
  },
  {
    name: 'G file_close with a negative fd as string',
    method: 'file_close',
    params: { fd: '-1' },
    bytes: hex('15 00 0a 66 69 6c 65 5f 63 6c 6f 73 65 01 02 66 64 02 00 00 00 2d 31'),
  },
];

describe('binary request vectors (pcloud-api.md §9.4)', () => {
  it.each(VECTORS)('encodes vector $name byte for byte', ({ method, params, dataLength, bytes }) => {
    expect(encodeRequest(method, params, dataLength).toString('hex')).toBe(bytes.toString('hex'));
  });

  it.each(VECTORS)('decodes vector $name back to its method and parameters', ({ method, params, dataLength, bytes }) => {
    const decoded = decodeRequestFrame(bytes.subarray(2));
    expect(decoded.method).toBe(method);
    expect(Object.fromEntries(decoded.params)).toEqual(params);
    expect([...decoded.params.keys()]).toEqual(Object.keys(params));
    expect(decoded.hasData).toBe(dataLength !== undefined);
    expect(decoded.dataLength).toBe(dataLength ?? 0);
  });

  it('sends a negative number as its decimal string, like the fd "-1" vector', () => {
    expect(encodeRequest('file_close', { fd: -1 }).toString('hex')).toBe(encodeRequest('file_close', { fd: '-1' }).toString('hex'));
  });

  it("hands vector D's data over after the request, uncounted by the length", () => {
    const decoder = new RequestDecoder();
    decoder.push(Buffer.concat([VECTORS[4]!.bytes, Buffer.from('hello')]));
    const first = decoder.next();
    expect(first).toMatchObject({ kind: 'frame', dataLength: 5 });
    expect(decoder.next()).toEqual({ kind: 'data', chunk: Buffer.from('hello'), remaining: 0 });
    expect(decoder.next()).toBeUndefined();
    expect(decoder.idle).toBe(true);
  });
});
