import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { HashingSource } from '../../src/files/upload/hashing-source.js';

const sha1 = (data: Buffer): string => createHash('sha1').update(data).digest('hex');

async function* piecesOf(data: Buffer, pieceSize: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < data.length; i += pieceSize) yield data.subarray(i, i + pieceSize);
}

async function run(data: Buffer, pieceSize: number, skip: number): Promise<{ passed: Buffer; hasher: HashingSource; counts: number[] }> {
  const counts: number[] = [];
  const hasher = new HashingSource(piecesOf(data, pieceSize), createHash('sha1'), { skip, onBytes: (n) => counts.push(n) });
  const out: Buffer[] = [];
  for await (const piece of hasher) out.push(Buffer.from(piece));
  return { passed: Buffer.concat(out), hasher, counts };
}

describe('HashingSource', () => {
  test.each([
    [1000, 0],
    [1000, 1],
    [1000, 999],
    [1000, 1000],
    [1000, 2500],
    [7, 10_000],
    [64 * 1024, 100_000],
  ])('pieces of %i bytes, skipping %i: hashes everything, passes the rest', async (pieceSize, skip) => {
    const data = randomBytes(10_000 + 123_456);
    const { passed, hasher, counts } = await run(data, pieceSize, skip);
    expect(hasher.hash.digest('hex')).toBe(sha1(data));
    expect(hasher.hashed).toBe(data.length);
    expect(passed.equals(data.subarray(skip))).toBe(true);
    expect(hasher.passed).toBe(data.length - skip);
    expect(counts.at(-1)).toBe(data.length - skip);
  });
});
