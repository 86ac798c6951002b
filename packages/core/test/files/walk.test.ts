import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createClient, isPCloudError, treeEntries, walk, walkAll, walkTree, type Transport } from '../../src/index.js';
import { startFiles, type FilesFixture } from './support/files-fixture.js';

let fx: FilesFixture;
const FILES = ['A/a1.txt', 'A/sub/a2.txt', 'A/sub/deep/d.txt', 'B/b1.txt', 'top.txt'];

beforeAll(async () => {
  fx = await startFiles();
  for (const path of FILES) await fx.emu.seedFile(`/Tree/${path}`, path);
  fx.emu.seedFolder('/Tree/C');
});
afterAll(() => fx.close());

function listings(from: number): number {
  return fx.sent.slice(from).filter((m) => m === 'listfolder').length;
}

describe('walk', () => {
  test('yields what walkTree finds, a folder before its contents, one listing per folder', async () => {
    const before = fx.sent.length;
    const streamed = [];
    for await (const entry of walk(fx.client, '/Tree')) streamed.push(entry);
    const folders = streamed.filter((e) => e.item.isfolder).length;
    expect(listings(before)).toBe(1 + folders);
    const whole = await walkTree(fx.client, { path: '/Tree' });
    expect(streamed.map((e) => e.path)).toEqual([...treeEntries(whole.root)].map((e) => e.path));
    expect(streamed.map((e) => e.path)).toEqual([
      'A',
      'B',
      'C',
      'top.txt',
      'A/sub',
      'A/a1.txt',
      'A/sub/deep',
      'A/sub/a2.txt',
      'A/sub/deep/d.txt',
      'B/b1.txt',
    ]);
    expect(streamed.find((e) => e.path === 'A/sub/deep/d.txt')?.depth).toBe(4);
  });

  test('lists a folder only when the loop asks past the listings so far; a break sends no more calls', async () => {
    let before = fx.sent.length;
    for await (const entry of walk(fx.client, '/Tree')) {
      expect(entry.path).toBe('A');
      break;
    }
    expect(listings(before)).toBe(1);

    before = fx.sent.length;
    const seen: string[] = [];
    for await (const entry of walk(fx.client, '/Tree')) {
      seen.push(entry.path);
      if (entry.path === 'A/sub') break;
    }
    expect(seen).toEqual(['A', 'B', 'C', 'top.txt', 'A/sub']);
    expect(listings(before)).toBe(2);
  });

  test('walkAll gathers the same entries; nofiles leaves files out; a folderid is a start too', async () => {
    const all = await walkAll(fx.client, '/Tree');
    expect(all.map((e) => e.path)).toContain('A/sub/deep/d.txt');
    const folders = await walkAll(fx.client, '/Tree', { nofiles: true });
    expect(folders.map((e) => e.path)).toEqual(['A', 'B', 'C', 'A/sub', 'A/sub/deep']);
    const a = all.find((e) => e.path === 'A');
    if (!a?.item.isfolder) throw new Error('A is not a folder');
    expect((await walkAll(fx.client, { folderid: a.item.folderid })).map((e) => e.path)).toEqual([
      'sub',
      'a1.txt',
      'sub/deep',
      'sub/a2.txt',
      'sub/deep/d.txt',
    ]);
  });

  test('a missing folder fails with reason not-found; an aborted walk with aborted', async () => {
    const missing = await walkAll(fx.client, '/Tree/none').catch((error: unknown) => error);
    expect(isPCloudError(missing) && missing.reason).toBe('not-found');
    const controller = new AbortController();
    const seen: string[] = [];
    const aborted = await (async () => {
      for await (const entry of walk(fx.client, '/Tree', { signal: controller.signal })) {
        seen.push(entry.path);
        controller.abort();
      }
    })().catch((error: unknown) => error);
    expect(isPCloudError(aborted) && aborted.reason).toBe('aborted');
    expect(seen).toEqual(['A', 'B', 'C', 'top.txt']);
  });
});

describe('walk and untrusted names', () => {
  // A server of our own making, to list names pCloud never would (the emulator refuses to create them).
  function serverListing(name: string): Transport {
    const folder = {
      isfolder: true,
      folderid: 7,
      id: 'd7',
      created: '',
      modified: '',
      ismine: true,
      isshared: false,
      icon: 'folder',
      thumb: false,
    };
    return {
      kind: 'test',
      call: async () => ({ result: 0, metadata: { ...folder, name: 'top', contents: [{ ...folder, name }] } }),
      close: async () => {},
    };
  }

  test.each(['..', '.', '', 'a/b', 'nul\0'])('the name %j fails the walk before it becomes a path', async (name) => {
    const client = createClient({ transport: serverListing(name) });
    const error = await walkAll(client, '/top').catch((e: unknown) => e);
    expect(isPCloudError(error, 'PROTOCOL_ERROR')).toBe(true);
  });
});
