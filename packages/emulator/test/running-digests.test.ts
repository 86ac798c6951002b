import { createHash } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiskBlobStore } from '../src/state/disk-blob-store.js';
import type { ByteRange, ScratchBlob } from '../src/state/blob-store.js';
import type { ExtraDigest } from '../src/state/content-hasher.js';
import { RunningDigestScratch } from '../src/state/running-digests.js';

const sha = (kind: string, data: Buffer): string => createHash(kind).update(data).digest('hex');

async function scratch(withSha256 = true): Promise<RunningDigestScratch> {
  const store = new DiskBlobStore(await mkdtemp(join(tmpdir(), 'running-digests-')));
  return new RunningDigestScratch(await store.openScratch(), withSha256);
}

/** A scratch that counts what is read back from it (bytes through read(), whole-content digests() calls). */
async function countingScratch(withSha256 = true): Promise<{ s: RunningDigestScratch; reads: { bytes: number; whole: number } }> {
  const store = new DiskBlobStore(await mkdtemp(join(tmpdir(), 'running-digests-')));
  const inner = await store.openScratch();
  const reads = { bytes: 0, whole: 0 };
  const counted: ScratchBlob = Object.assign(Object.create(inner) as ScratchBlob, {
    size: () => inner.size(),
    writeAt: inner.writeAt.bind(inner),
    read(range?: ByteRange) {
      const stream = inner.read(range);
      stream.on('data', (chunk: Buffer) => (reads.bytes += chunk.length));
      return stream;
    },
    digests(extra: ExtraDigest | undefined) {
      reads.whole++;
      return inner.digests(extra);
    },
  });
  return { s: new RunningDigestScratch(counted, withSha256), reads };
}

async function* chunks(...parts: Buffer[]): AsyncGenerator<Buffer> {
  for (const part of parts) yield part;
}

describe('RunningDigestScratch', () => {
  const a = Buffer.alloc(70_000, 1);
  const b = Buffer.from('the second chunk');

  it('answers digests of appended content exactly as reading it back does', async () => {
    const s = await scratch();
    await s.writeAt(0, chunks(a));
    await s.writeAt(a.length, chunks(b, b));
    const whole = Buffer.concat([a, b, b]);
    const sha256 = await s.digests('sha256');
    expect(sha256).toMatchObject({ size: whole.length, sha1: sha('sha1', whole), sha256: sha('sha256', whole) });
    expect((await s.digests('md5')).md5).toBe(sha('md5', whole));
    const stored = await s.commit('sha256');
    expect(stored).toMatchObject({ size: whole.length, sha1: sha('sha1', whole), sha256: sha('sha256', whole) });
    expect(stored.hash).toBe(createHash('sha1').update(whole).digest().readBigUInt64BE(0));
  });

  it('falls back to reading back after an overwrite, a gap or a truncate, and stays right', async () => {
    for (const change of [
      async (s: RunningDigestScratch) => s.writeAt(3, chunks(b)),
      async (s: RunningDigestScratch) => s.writeAt(a.length + 10, chunks(b)),
      async (s: RunningDigestScratch) => s.truncate(100),
    ]) {
      const s = await scratch();
      await s.writeAt(0, chunks(a));
      await change(s);
      const content = Buffer.concat(await s.read().toArray());
      expect(await s.digests('sha256')).toMatchObject({ size: content.length, sha1: sha('sha1', content), sha256: sha('sha256', content) });
      await s.discard();
    }
  });

  it('a gap costs no reading back: its zeros are hashed once, and later digests come from the running hashes', async () => {
    const { s, reads } = await countingScratch();
    const gap = 3 * 1024 * 1024;
    await s.writeAt(0, chunks(a));
    await s.writeAt(a.length + gap, chunks(b));
    for (let i = 0; i < 3; i++) await s.digests('sha256');
    await s.writeAt(s.size(), chunks(b));
    const content = Buffer.concat([a, Buffer.alloc(gap), b, b]);
    expect(await s.digests('md5')).toMatchObject({ size: content.length, sha1: sha('sha1', content), md5: sha('md5', content) });
    expect(reads).toEqual({ bytes: 0, whole: 0 });
    expect(Buffer.concat(await s.read().toArray()).equals(content)).toBe(true);
    await s.discard();
  });

  it('a retried chunk (a write at the start of a recent one) goes back to a copy of the hashes, without reading back', async () => {
    const { s, reads } = await countingScratch();
    await s.writeAt(0, chunks(a));
    await s.writeAt(a.length, chunks(b, b));
    await s.writeAt(a.length, chunks(b));
    await s.writeAt(a.length + b.length, chunks(a));
    const content = Buffer.concat([a, b, a]);
    expect(await s.digests('sha256')).toMatchObject({ size: content.length, sha1: sha('sha1', content), sha256: sha('sha256', content) });
    expect(reads).toEqual({ bytes: 0, whole: 0 });
    await s.discard();
  });

  it('an overwrite in the middle reads back only the old tail behind it, once', async () => {
    const { s, reads } = await countingScratch();
    await s.writeAt(0, chunks(a, a));
    await s.writeAt(10, chunks(b));
    const content = Buffer.concat([a, a]);
    b.copy(content, 10);
    for (let i = 0; i < 3; i++) expect((await s.digests('sha256')).sha256).toBe(sha('sha256', content));
    // The 10 bytes before the overwrite, and the old bytes after it.
    expect(reads).toEqual({ bytes: content.length - b.length, whole: 0 });
    await s.discard();
  });

  it('drops the running hashes when a write fails half-way', async () => {
    const s = await scratch(false);
    async function* broken(): AsyncGenerator<Buffer> {
      yield a;
      throw new Error('connection broken');
    }
    await expect(s.writeAt(0, broken())).rejects.toThrow('connection broken');
    const content = Buffer.concat(await s.read().toArray());
    expect((await s.digests('md5')).md5).toBe(sha('md5', content));
    await s.writeAt(s.size(), chunks(b));
    const after = Buffer.concat(await s.read().toArray());
    expect((await s.digests('md5')).sha1).toBe(sha('sha1', after));
    await s.discard();
  });

  describe('a session whose first write is announced as large (hashed on a worker thread)', () => {
    const big = Buffer.alloc(5 * 1024 * 1024 + 3);
    for (let i = 0; i + 4 <= big.length; i += 1000) big.writeUInt32BE((i * 7919) >>> 0, i);

    it('answers every digest of the appended content, between writes and at the end', async () => {
      const s = await scratch();
      await s.writeAt(0, chunks(big.subarray(0, 1_000_000), big.subarray(1_000_000)), undefined, big.length);
      expect(await s.digests('md5')).toMatchObject({ size: big.length, sha1: sha('sha1', big), md5: sha('md5', big) });
      await s.writeAt(big.length, chunks(b), undefined, b.length);
      const whole = Buffer.concat([big, b]);
      const stored = await s.commit('sha256');
      expect(stored).toMatchObject({ size: whole.length, sha1: sha('sha1', whole), sha256: sha('sha256', whole) });
    });

    it('falls back to reading back after an overwrite, and stays right', async () => {
      const s = await scratch();
      await s.writeAt(0, chunks(big), undefined, big.length);
      await s.writeAt(10, chunks(b));
      const content = Buffer.concat(await s.read().toArray());
      expect(await s.digests('sha256')).toMatchObject({ size: content.length, sha1: sha('sha1', content), sha256: sha('sha256', content) });
      await s.discard();
    });

    it('drops the running hashes when a write fails half-way', async () => {
      const s = await scratch();
      async function* broken(): AsyncGenerator<Buffer> {
        yield big;
        throw new Error('connection broken');
      }
      await expect(s.writeAt(0, broken(), undefined, 2 * big.length)).rejects.toThrow('connection broken');
      await s.writeAt(s.size(), chunks(b));
      const content = Buffer.concat(await s.read().toArray());
      expect(await s.digests('sha256')).toMatchObject({ size: content.length, sha1: sha('sha1', content), sha256: sha('sha256', content) });
      await s.discard();
    });
  });
});
