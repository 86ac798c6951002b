import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { expect, test } from 'vitest';
import { encodeMultipart } from '../../src/client/multipart.js';

async function bytesOf(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(Buffer.from(part as Uint8Array));
  return Buffer.concat(parts);
}

test.each([
  ['a large view into a bigger buffer', (data: Buffer) => [Buffer.concat([randomBytes(100_000), data]).subarray(100_000)]],
  ['a large view at offset 0 of a bigger buffer', (data: Buffer) => [Buffer.concat([data, randomBytes(1000)]).subarray(0, data.length)]],
  ['small pieces', (data: Buffer) => Array.from({ length: Math.ceil(data.length / 1000) }, (_, i) => data.subarray(i * 1000, i * 1000 + 1000))],
])('multipart carries the exact bytes of %s', async (_name, pieces) => {
  const data = randomBytes(200_000);
  const encoded = encodeMultipart([['filename', 'x.bin']], { kind: 'data', stream: Readable.from(pieces(data)), length: data.length });
  const body = await bytesOf(encoded.stream);
  expect(body.length).toBe(encoded.length);
  expect(body.indexOf(data)).toBeGreaterThan(0);
});
