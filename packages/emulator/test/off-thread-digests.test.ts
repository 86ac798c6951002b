import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { OffThreadDigests, type DigestKind } from '../src/state/off-thread-digests.js';

// Larger than the 8 MiB ring, so the ring wraps and a full ring makes `update` wait.
const data = randomBytes(20 * 1024 * 1024 + 77);
const hex = (kind: DigestKind, bytes: Buffer): string => createHash(kind).update(bytes).digest('hex');

async function feed(worker: OffThreadDigests, bytes: Buffer, pieceSize: number): Promise<void> {
  for (let offset = 0; offset < bytes.length; offset += pieceSize) await worker.update(bytes.subarray(offset, offset + pieceSize));
}

describe('OffThreadDigests', () => {
  test.each([
    [['sha1', 'sha256'], 64 * 1024],
    [['sha1', 'md5'], 1000],
    [['sha1'], 3 * 1024 * 1024 + 5],
    [['sha1', 'md5', 'sha256'], data.length],
  ] as Array<[DigestKind[], number]>)('%j over pieces of %i bytes: the digests of every byte', async (kinds, pieceSize) => {
    const worker = new OffThreadDigests(kinds);
    try {
      await feed(worker, data, pieceSize);
      const { size, digests } = await worker.snapshot();
      expect(size).toBe(data.length);
      for (const kind of kinds) expect(digests[kind]!.toString('hex')).toBe(hex(kind, data));
    } finally {
      worker.close();
    }
  });

  test('snapshots along the way cover exactly what was fed before each, and feeding goes on', async () => {
    const worker = new OffThreadDigests(['sha1', 'sha256']);
    try {
      const cuts = [0, 1, 9 * 1024 * 1024, data.length];
      for (let i = 1; i < cuts.length; i++) {
        await feed(worker, data.subarray(cuts[i - 1], cuts[i]), 256 * 1024);
        // Two snapshots asked at once both get an answer.
        const [first, second] = await Promise.all([worker.snapshot(), worker.snapshot()]);
        expect(first.size).toBe(cuts[i]);
        expect(second.size).toBe(cuts[i]);
        expect(first.digests.sha256!.toString('hex')).toBe(hex('sha256', data.subarray(0, cuts[i])));
      }
    } finally {
      worker.close();
    }
  });

  test('an empty content', async () => {
    const worker = new OffThreadDigests(['sha1']);
    const { size, digests } = await worker.snapshot();
    worker.close();
    expect(size).toBe(0);
    expect(digests.sha1!.toString('hex')).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
  });

  test('once closed, a snapshot fails instead of waiting forever', async () => {
    const worker = new OffThreadDigests(['sha1', 'sha256']);
    await worker.update(data.subarray(0, 10 * 1024 * 1024));
    worker.close();
    await expect(worker.snapshot()).rejects.toThrow(/stopped/);
  });
});
