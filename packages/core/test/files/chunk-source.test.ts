import { describe, expect, test } from 'vitest';
import { streamChunks } from '../../src/files/upload/chunk-source.js';

/** A source that records how many pieces were taken from it. */
function countingSource(pieces: string[]): { source: AsyncGenerator<string>; taken: () => number } {
  let taken = 0;
  async function* source(): AsyncGenerator<string> {
    for (const piece of pieces) {
      taken++;
      yield piece;
    }
  }
  return { source: source(), taken: () => taken };
}

async function text(chunk: { open(): AsyncIterable<unknown> }): Promise<string> {
  let out = '';
  for await (const piece of chunk.open()) out += String(piece);
  return out;
}

describe('streamChunks', () => {
  test('cuts a stream into chunks of the given size, the last one shorter', async () => {
    const { source } = countingSource(['abc', 'defgh', '', 'ij']);
    const chunks = [];
    for await (const chunk of streamChunks(source, 4)) chunks.push({ start: chunk.start, length: chunk.length, text: await text(chunk) });
    expect(chunks).toEqual([
      { start: 0, length: 4, text: 'abcd' },
      { start: 4, length: 4, text: 'efgh' },
      { start: 8, length: 2, text: 'ij' },
    ]);
  });

  test('reads the next chunk while the caller still holds the current one', async () => {
    const { source, taken } = countingSource(['aaaa', 'bbbb', 'cccc']);
    const chunks = streamChunks(source, 4);
    const first = await chunks.next();
    expect(first.done).toBe(false);
    // The caller is busy with the first chunk: the second is read meanwhile.
    await new Promise((resolve) => setImmediate(resolve));
    expect(taken()).toBe(2);
    expect(await text(first.value as never)).toBe('aaaa');
    await chunks.return(undefined);
  });

  test('two buffers take turns, and each chunk keeps its bytes while the caller works on it', async () => {
    const { source } = countingSource(Array.from({ length: 40 }, (_, i) => String.fromCharCode(97 + (i % 26)).repeat(3)));
    const buffers = new Set<ArrayBufferLike>();
    const texts: string[] = [];
    for await (const chunk of streamChunks(source, 5)) {
      // The next chunk is being read meanwhile: this one must not change under the caller.
      await new Promise((resolve) => setImmediate(resolve));
      for await (const piece of chunk.open()) buffers.add((piece as Buffer).buffer);
      texts.push(await text(chunk));
    }
    expect(texts.join('')).toBe(Array.from({ length: 40 }, (_, i) => String.fromCharCode(97 + (i % 26)).repeat(3)).join(''));
    expect(texts).toHaveLength(24);
    expect(buffers.size).toBe(2);
  });

  test('a source that fails while the caller is busy fails the next request, not the process', async () => {
    async function* failing(): AsyncGenerator<string> {
      yield 'aaaa';
      throw new Error('read error');
    }
    const chunks = streamChunks(failing(), 4);
    expect((await chunks.next()).done).toBe(false);
    await new Promise((resolve) => setImmediate(resolve));
    await expect(chunks.next()).rejects.toThrow('read error');
  });
});
