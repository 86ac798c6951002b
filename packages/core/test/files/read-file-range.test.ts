import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { readFileRange } from '../../src/files/upload/read-file-range.js';

let dir: string;
let path: string;
const data = randomBytes(300_000 + 17);
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'read-file-range-'));
  path = join(dir, 'file');
  await writeFile(path, data);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Takes the pieces as a lent-source consumer must: done with each one before pulling the next. */
async function collect(source: AsyncIterable<Buffer>): Promise<{ bytes: Buffer; pieces: number; buffers: Set<ArrayBufferLike> }> {
  const copies: Buffer[] = [];
  const buffers = new Set<ArrayBufferLike>();
  for await (const piece of source) {
    copies.push(Buffer.from(piece));
    buffers.add(piece.buffer);
  }
  return { bytes: Buffer.concat(copies), pieces: copies.length, buffers };
}

const openFds = async (): Promise<number> => (await readdir('/proc/self/fd')).length;

describe('readFileRange', () => {
  test.each([
    [0, data.length, 65536],
    [1, data.length - 1, 65536],
    [100_000, 100_001, 65536],
    [0, data.length, 1_000_000],
    [5, 200_000, 700],
  ])('bytes [%i, %i) in pieces of %i: exactly that range, in order', async (start, end, pieceSize) => {
    const { bytes, pieces } = await collect(readFileRange(path, start, end, pieceSize));
    expect(bytes.equals(data.subarray(start, end))).toBe(true);
    expect(pieces).toBe(Math.ceil((end - start) / pieceSize));
  });

  test('its pieces live in two buffers, reused turn by turn', async () => {
    const { buffers, pieces } = await collect(readFileRange(path, 0, data.length, 10_000));
    expect(pieces).toBeGreaterThan(2);
    expect(buffers.size).toBe(2);
  });

  test('an empty range gives nothing and opens nothing', async () => {
    expect((await collect(readFileRange(join(dir, 'missing'), 10, 10))).pieces).toBe(0);
  });

  test('a file shorter than the range ends early, with what it has', async () => {
    await truncate(path, 1000);
    const { bytes } = await collect(readFileRange(path, 0, data.length, 4096));
    expect(bytes.equals(data.subarray(0, 1000))).toBe(true);
  });

  test('a missing file fails on the first pull, as a local error naming the file', async () => {
    const missing = join(dir, 'missing');
    await expect(collect(readFileRange(missing, 0, 10))).rejects.toMatchObject({
      code: 'LOCAL_IO_ERROR',
      message: `cannot read ${missing}: no such file or directory`,
      cause: expect.objectContaining({ code: 'ENOENT' }),
    });
  });

  test('a consumer that stops early closes the file', async () => {
    const before = await openFds();
    for await (const piece of readFileRange(path, 0, data.length, 4096)) {
      expect(piece.length).toBe(4096);
      expect(await openFds()).toBe(before + 1);
      break;
    }
    expect(await openFds()).toBe(before);
  });
});
