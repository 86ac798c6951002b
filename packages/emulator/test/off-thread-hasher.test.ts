import { randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { ContentHasher, type ExtraDigest } from '../src/state/content-hasher.js';
import { OffThreadHasher } from '../src/state/off-thread-hasher.js';

// Larger than the 8 MiB ring, so the ring wraps and a full ring makes `update` wait.
const data = randomBytes(20 * 1024 * 1024 + 77);

async function offThread(extra: ExtraDigest | undefined, pieceSize: number): Promise<unknown> {
  const hasher = new OffThreadHasher(extra);
  for (let offset = 0; offset < data.length; offset += pieceSize) await hasher.update(data.subarray(offset, offset + pieceSize));
  return hasher.digest();
}

function inline(extra: ExtraDigest | undefined): unknown {
  const hasher = new ContentHasher(extra);
  hasher.update(data);
  return hasher.digest();
}

describe('OffThreadHasher', () => {
  test.each([
    ['sha256', 64 * 1024],
    ['md5', 1000],
    [undefined, 3 * 1024 * 1024 + 5],
    ['sha256', data.length],
  ] as const)('gives the same digests as hashing inline (%s, pieces of %i bytes)', async (extra, pieceSize) => {
    expect(await offThread(extra, pieceSize)).toEqual(inline(extra));
  });

  test('an empty content', async () => {
    const hasher = new OffThreadHasher('sha256');
    const empty = new ContentHasher('sha256');
    expect(await hasher.digest()).toEqual(empty.digest());
  });

  test('abandoned halfway, it lets go without an error', async () => {
    const hasher = new OffThreadHasher('sha256');
    await hasher.update(data.subarray(0, 10 * 1024 * 1024));
    expect(() => hasher.abandon()).not.toThrow();
  });
});
