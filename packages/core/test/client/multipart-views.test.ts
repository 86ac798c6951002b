import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { expect, test } from 'vitest';
import { encodeMultipart } from '../../src/client/multipart.js';
import type { BodySource } from '../../src/client/transport.js';

/** Reads the body the way transports do: each piece is done with before the next is pulled. */
async function bytesOf(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(Buffer.from(part));
  return Buffer.concat(parts);
}

/** Yields the data through ONE buffer, overwritten for every piece, as read-file-range.ts lends its pieces. */
async function* lentPieces(data: Buffer, size: number): AsyncGenerator<Uint8Array> {
  const shared = Buffer.alloc(size);
  for (let offset = 0; offset < data.length; offset += size) {
    const n = data.copy(shared, 0, offset, offset + size);
    yield shared.subarray(0, n);
  }
}

const sources: Array<[string, (data: Buffer) => BodySource]> = [
  ['a large view into a bigger buffer', (data) => Readable.from([Buffer.concat([randomBytes(100_000), data]).subarray(100_000)])],
  [
    'a large view at offset 0 of a bigger buffer',
    (data) => Readable.from([Buffer.concat([data, randomBytes(1000)]).subarray(0, data.length)]),
  ],
  ['a large whole buffer', (data) => Readable.from([Buffer.from(data)])],
  ['pieces lent from one reused buffer', (data) => lentPieces(data, 100_000)],
  [
    'small pieces',
    (data) => Readable.from(Array.from({ length: Math.ceil(data.length / 1000) }, (_, i) => data.subarray(i * 1000, i * 1000 + 1000))),
  ],
];

test.each(sources)('multipart carries the exact bytes of %s', async (_name, source) => {
  const data = randomBytes(200_000);
  const encoded = encodeMultipart([['filename', 'x.bin']], { kind: 'data', stream: source(data), length: data.length });
  const body = await bytesOf(encoded.stream);
  expect(body.length).toBe(encoded.length);
  expect(body.indexOf(data)).toBeGreaterThan(0);
});
