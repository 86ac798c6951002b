import { randomBytes } from 'node:crypto';
import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { SequentialWriter } from '../../src/files/sequential-writer.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sequential-writer-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Splits `data` into pieces of varying sizes (0 included) the way socket reads arrive. */
function pieces(data: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (let at = 0, i = 0; at < data.length; i++) {
    const size = [0, 1, 7, 4096, 65536, 3][i % 6]!;
    out.push(data.subarray(at, at + size));
    at += size;
  }
  return out;
}

describe('SequentialWriter', () => {
  test.each([1, 100, 64 * 1024, 1024 * 1024])('batches of %i bytes write every byte in order after the start offset', async (batch) => {
    const path = join(dir, 'file');
    const head = Buffer.from('keep these bytes');
    await writeFile(path, head);
    const data = randomBytes(300_000);
    const handle = await open(path, 'r+');
    const writer = new SequentialWriter(handle, head.length, batch);
    for (const piece of pieces(data)) await writer.append(piece);
    expect(writer.end).toBe(head.length + data.length);
    await writer.flush();
    await handle.close();
    expect((await readFile(path)).equals(Buffer.concat([head, data]))).toBe(true);
  });

  test('a failed write is reported by the next append or flush, and again after', async () => {
    const path = join(dir, 'read-only');
    await writeFile(path, '');
    const handle = await open(path, 'r');
    const writer = new SequentialWriter(handle, 0, 10);
    const attempt = async (): Promise<void> => {
      for (let i = 0; i < 5; i++) await writer.append(Buffer.alloc(10, i));
      await writer.flush();
    };
    await expect(attempt()).rejects.toMatchObject({ code: 'EBADF' });
    await expect(writer.flush()).rejects.toMatchObject({ code: 'EBADF' });
    await handle.close();
    expect(await readFile(path, 'utf8')).toBe('');
  });

  test('abandon drops what is gathered and lets the write in flight finish', async () => {
    const path = join(dir, 'abandoned');
    const handle = await open(path, 'w+');
    const writer = new SequentialWriter(handle, 0, 4);
    await writer.append(Buffer.from('abcd')); // a full batch: its write starts
    await writer.append(Buffer.from('ef')); // gathered only
    await writer.abandon();
    await handle.close();
    expect(await readFile(path, 'utf8')).toBe('abcd');
  });
});
