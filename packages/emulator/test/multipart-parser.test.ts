import { describe, expect, test } from 'vitest';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { boundaryOf, MultipartParser } from '../src/http/multipart-parser.js';
import { multipart, type Part } from './support/multipart.js';

interface Parsed {
  fields: Array<[string, string]>;
  files: Array<{ name: string; filename: string; content: Buffer }>;
}

/** Feeds `body` in chunks of `size` bytes; reads files slowly when `slow`. */
async function parse(body: Buffer, boundary: string, size: number, slow = false): Promise<Parsed> {
  const parser = new MultipartParser(boundary, 1024 * 1024);
  const parsed: Parsed = { fields: [], files: [] };
  const reads: Promise<void>[] = [];
  parser.on('field', (name: string, value: string) => parsed.fields.push([name, value]));
  parser.on('file', (name: string, stream: Readable, filename: string) => {
    const entry = { name, filename, content: Buffer.alloc(0) };
    parsed.files.push(entry);
    const read = (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of stream) {
        chunks.push(chunk as Buffer);
        if (slow) await new Promise((resolve) => setImmediate(resolve));
      }
      entry.content = Buffer.concat(chunks);
    })();
    // When the body breaks, the parser's own error is the one the caller sees.
    read.catch(() => undefined);
    reads.push(read);
  });
  const chunks = function* (): Generator<Buffer> {
    for (let at = 0; at < body.length; at += size) yield body.subarray(at, at + size);
  };
  await pipeline(Readable.from(chunks()), parser);
  await Promise.all(reads);
  return parsed;
}

const parts: Part[] = [
  { name: 'folderid', value: '0' },
  { name: 'note', value: 'ünïcode & stuff' },
  { name: 'file', filename: 'empty.txt', content: '' },
  { name: 'file', filename: 'a & b # c % d + e.txt', content: 'x\r\n--not-the-boundary\r\n' },
  { name: 'file', filename: '東京.bin', content: randomBytes(40_000) },
];

describe('MultipartParser', () => {
  test.each([1, 7, 64, 4096, 1 << 20])('parses fields and files fed in %i-byte chunks', async (size) => {
    const { body, contentType } = multipart(parts, 'XyZ-boundary');
    const parsed = await parse(body, boundaryOf(contentType)!, size);
    expect(parsed.fields).toEqual([
      ['folderid', '0'],
      ['note', 'ünïcode & stuff'],
    ]);
    expect(parsed.files.map((f) => f.filename)).toEqual(['empty.txt', 'a & b # c % d + e.txt', '東京.bin']);
    expect(parsed.files.map((f) => f.content)).toEqual(parts.slice(2).map((p) => Buffer.from((p as { content: Buffer | string }).content)));
  });

  test('a slow reader gets every byte (backpressure)', async () => {
    const content = randomBytes(5 * 1024 * 1024);
    const { body } = multipart([{ name: 'f', filename: 'big.bin', content }], 'slow');
    const parsed = await parse(body, 'slow', 65536, true);
    expect(parsed.files[0]!.content.equals(content)).toBe(true);
  });

  test('preamble, epilogue, RFC 5987 file names and quoted boundaries', async () => {
    const body = Buffer.from(
      'ignored preamble\r\n--b\r\nContent-Disposition: form-data; name="f"; filename*=UTF-8\'\'%E2%82%AC%20rate.txt\r\n\r\neuro\r\n--b--\r\nepilogue',
    );
    const parsed = await parse(body, boundaryOf('multipart/form-data; boundary="b"')!, 3);
    expect(parsed.files).toEqual([{ name: 'f', filename: '€ rate.txt', content: Buffer.from('euro') }]);
  });

  test('a body that ends before the closing boundary is an error', async () => {
    const { body } = multipart([{ name: 'f', filename: 'cut.bin', content: 'abcdef' }], 'cut');
    await expect(parse(body.subarray(0, body.length - 12), 'cut', 5)).rejects.toThrow('Unexpected end of form');
  });

  test('oversized fields and header blocks are errors', async () => {
    const parser = new MultipartParser('b', 10);
    const body = Buffer.from('--b\r\nContent-Disposition: form-data; name="x"\r\n\r\n0123456789ABC\r\n--b--\r\n');
    await expect(pipeline(Readable.from([body]), parser)).rejects.toThrow('too large');
    const headers = Buffer.from(`--b\r\nX: ${'h'.repeat(20_000)}`);
    await expect(pipeline(Readable.from([headers]), new MultipartParser('b', 10))).rejects.toThrow('too large');
  });

  test('boundaryOf reads plain and quoted boundaries', () => {
    expect(boundaryOf('multipart/form-data; boundary=abc')).toBe('abc');
    expect(boundaryOf('multipart/form-data; charset=utf-8; boundary="a b"')).toBe('a b');
    expect(boundaryOf('multipart/form-data')).toBeUndefined();
  });
});
