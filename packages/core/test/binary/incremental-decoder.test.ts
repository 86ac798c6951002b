import { describe, expect, it } from 'vitest';
import { isPCloudError } from '../../src/errors.js';
import { BinaryData, encodeRequest, encodeResponse, RequestDecoder, ResponseDecoder, type DecoderEvent } from '../../src/binary/index.js';
import { hex } from './hex.js';

function drain<T>(decoder: { next(): DecoderEvent<T> | undefined }): DecoderEvent<T>[] {
  const events: DecoderEvent<T>[] = [];
  for (let event = decoder.next(); event !== undefined; event = decoder.next()) events.push(event);
  return events;
}

function expectProtocolError(action: () => unknown, pattern: RegExp): void {
  let caught: unknown;
  try {
    action();
  } catch (error) {
    caught = error;
  }
  expect(isPCloudError(caught, 'PROTOCOL_ERROR')).toBe(true);
  expect((caught as Error).message).toMatch(pattern);
}

describe('incremental response decoder', () => {
  const first = encodeResponse({ result: 0, data: new BinaryData(6) });
  const second = encodeResponse({ result: 2009, error: 'File not found.' });
  const stream = Buffer.concat([first, Buffer.from('abcdef'), second]);

  it('decodes a stream pushed one byte at a time', () => {
    const decoder = new ResponseDecoder();
    const events: DecoderEvent<unknown>[] = [];
    for (const [index, byte] of stream.entries()) {
      decoder.push(Buffer.from([byte]));
      events.push(...drain(decoder));
      // Idle exactly where a whole response (with its data) ends.
      expect(decoder.idle).toBe(index === first.length + 5 || index === stream.length - 1);
    }
    expect(decoder.idle).toBe(true);
    expect(events.filter((e) => e.kind === 'frame').map((e) => e.kind === 'frame' && e.frame)).toEqual([
      { result: 0, data: new BinaryData(6) },
      { result: 2009, error: 'File not found.' },
    ]);
    const data = Buffer.concat(events.flatMap((e) => (e.kind === 'data' ? [e.chunk] : [])));
    expect(data.toString()).toBe('abcdef');
  });

  it('decodes several frames and their data from one chunk, in order', () => {
    const decoder = new ResponseDecoder();
    decoder.push(Buffer.concat([stream, stream]));
    const kinds = drain(decoder).map((e) => (e.kind === 'frame' ? `frame:${String(e.frame.result)}` : `data:${e.chunk.toString()}`));
    expect(kinds).toEqual(['frame:0', 'data:abcdef', 'frame:2009', 'frame:0', 'data:abcdef', 'frame:2009']);
  });

  it('streams data split across pushes without waiting for all of it', () => {
    const decoder = new ResponseDecoder();
    decoder.push(Buffer.concat([first, Buffer.from('ab')]));
    expect(drain(decoder).map((e) => e.kind === 'data' && [e.chunk.toString(), e.remaining])).toEqual([false, ['ab', 4]]);
    decoder.push(Buffer.from('cdef'));
    expect(drain(decoder).map((e) => e.kind === 'data' && [e.chunk.toString(), e.remaining])).toEqual([['cdef', 0]]);
    expect(decoder.idle).toBe(true);
  });

  it.each([
    ['an unknown type byte', '03 00 00 00 10 15 ff', /unknown value type 21/],
    ['an end marker as the value', '01 00 00 00 ff', /not a hash/],
    ['an array at the top level', '02 00 00 00 11 ff', /not a hash/],
    ['a string running past the frame', '04 00 00 00 10 6a 72 65', /needs 6 more byte/],
    ['a missing end marker', '03 00 00 00 10 65 61', /needs 1 more byte/],
    ['bytes after the value', '03 00 00 00 10 ff 00', /1 byte\(s\) left/],
    ['an undefined string id', '05 00 00 00 10 65 61 97 ff', /string id 1 was not defined/],
    ['a number as a hash key', '04 00 00 00 10 c8 c8 ff', /key is not a string/],
    ['a key without a value', '04 00 00 00 10 65 61 ff', /has no value/],
    ['a zero frame length', '00 00 00 00', /frame length 0/],
    ['an HTTP answer instead of a frame', Buffer.from('HTTP/1.1 400 Bad Request\r\n').toString('hex'), /frame length 1347703880/],
  ])('refuses %s with a PROTOCOL_ERROR', (_name, bytes, pattern) => {
    const decoder = new ResponseDecoder();
    decoder.push(hex(bytes));
    expectProtocolError(() => decoder.next(), pattern);
    // The stream cannot be resynchronised: the error sticks.
    expectProtocolError(() => decoder.next(), pattern);
  });

  it('refuses nesting bombs instead of overflowing the stack', () => {
    const body = Buffer.concat([hex('10 65 76'), Buffer.alloc(100_000, 0x11)]);
    const frame = Buffer.concat([Buffer.from(Uint32Array.of(body.length).buffer), body]);
    const decoder = new ResponseDecoder();
    decoder.push(frame);
    expectProtocolError(() => decoder.next(), /nesting deeper/);
  });

  it('refuses frames above the configured limit at once, before their bytes arrive', () => {
    const decoder = new ResponseDecoder({ maxFrameBytes: 1000 });
    decoder.push(hex('e9 03 00 00'));
    expectProtocolError(() => decoder.next(), /outside 1\.\.1000/);
  });
});

describe('incremental request decoder', () => {
  it('decodes pipelined requests with data, split at every possible point', () => {
    const stream = Buffer.concat([
      encodeRequest('uploadfile', { filename: 'a.txt', folderid: 0 }, 5),
      Buffer.from('hello'),
      encodeRequest('stat', { path: '/a.txt' }),
      encodeRequest('uploadfile', { filename: 'empty' }, 0),
    ]);
    for (let cut = 1; cut < stream.length; cut++) {
      const decoder = new RequestDecoder();
      decoder.push(stream.subarray(0, cut));
      const events = drain(decoder);
      decoder.push(stream.subarray(cut));
      events.push(...drain(decoder));
      const summary = events.map((e) => (e.kind === 'frame' ? `${e.frame.method}/${e.dataLength}` : e.chunk.toString()));
      expect(summary.join(',').replace(/,(?=[a-z]+(,|$))/g, '')).toBe('uploadfile/5hello,stat/0,uploadfile/0');
      expect(decoder.idle).toBe(true);
    }
  });

  it.each([
    ['an undefined parameter type (3)', '09 00 04 73 74 61 74 01 c1 61 00', /undefined type 3/],
    ['an empty method name', '02 00 00 00', /empty method name/],
    ['a parameter count larger than the parameters', '06 00 04 73 74 61 74 01', /needs 1 more byte/],
    ['bytes after the parameters', '07 00 04 73 74 61 74 00 00', /1 byte\(s\) left/],
    ['invalid UTF-8 in a string', '10 00 04 73 74 61 74 01 04 70 61 74 68 01 00 00 00 ff', /invalid UTF-8/],
  ])('refuses %s with a PROTOCOL_ERROR', (_name, bytes, pattern) => {
    const decoder = new RequestDecoder();
    decoder.push(hex(bytes));
    expectProtocolError(() => decoder.next(), pattern);
  });

  it('refuses the ORIG bug: a string length counted in characters, not UTF-8 bytes', () => {
    // ORIG writes len("é.txt") = 5 for a 6-byte name; the rest of the frame no longer parses.
    const good = encodeRequest('uploadfile', { filename: 'é.txt', folderid: 0 });
    const bad = Buffer.from(good);
    const at = bad.indexOf(Buffer.from('c3a9', 'hex')) - 4;
    expect(bad.readUInt32LE(at)).toBe(6);
    bad.writeUInt32LE(5, at);
    const decoder = new RequestDecoder();
    decoder.push(bad);
    expectProtocolError(() => decoder.next(), /request/);
  });
});
