import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { treeEntries, walkTree, type FolderMetadata } from '../../src/index.js';
import { startFiles, type FilesFixture } from './support/files-fixture.js';

let fx: FilesFixture;
const WALK = ['A', 'A/a1.txt', 'A/sub', 'A/sub/a2.txt', 'A/sub/ü & #.txt', 'B', 'B/b1.txt', 'C', 'top.txt'];

beforeAll(async () => {
  fx = await startFiles();
  for (const path of WALK.filter((p) => p.endsWith('.txt'))) await fx.emu.seedFile(`/Walk/${path}`, path);
  fx.emu.seedFolder('/Walk/C');
  await fx.emu.seedFile('/Other/x.txt', 'x');
});
afterEach(() => fx.emu.faults.set({}));
afterAll(() => fx.close());

function paths(root: FolderMetadata): string[] {
  return [...treeEntries(root)].map((e) => e.path).sort();
}

function listfolderCalls(from: number): number {
  return fx.sent.slice(from).filter((m) => m === 'listfolder').length;
}

describe('walkTree', () => {
  test('a non-root folder takes one recursive listing', async () => {
    const before = fx.sent.length;
    const walk = await walkTree(fx.client, { path: '/Walk' });
    expect(walk).toMatchObject({ calls: 1, fallbacks: 0 });
    expect(listfolderCalls(before)).toBe(1);
    expect(paths(walk.root)).toEqual([...WALK].sort());
    expect(walk.root.name).toBe('Walk');
  });

  test('timestamps: every date of the tree, fallback listings included, comes as the Unix seconds of the usual text', async () => {
    const text = await walkTree(fx.client, { folderid: 0 });
    const numeric = await walkTree(fx.client, { folderid: 0 }, { timestamps: true });
    expect(numeric.fallbacks).toBe(1);
    const dates = (root: FolderMetadata) => [...treeEntries(root)].map((e) => [e.path, e.item.modified, e.item.created]);
    const expected = dates(text.root).map(([path, modified, created]) => [
      path,
      Date.parse(String(modified)) / 1000,
      Date.parse(String(created)) / 1000,
    ]);
    expect(dates(numeric.root)).toEqual(expected);
  });

  test('the root falls back after 1101: root alone, then each top folder recursively', async () => {
    const before = fx.sent.length;
    const walk = await walkTree(fx.client, { folderid: 0 });
    const top = (walk.root.contents ?? []).filter((c) => c.isfolder).length;
    expect(top).toBeGreaterThanOrEqual(2);
    expect(walk).toMatchObject({ calls: 2 + top, fallbacks: 1 });
    expect(listfolderCalls(before)).toBe(walk.calls);
    const all = paths(walk.root);
    for (const path of WALK) expect(all).toContain(`Walk/${path}`);
    expect(all).toContain('Other/x.txt');
  });

  test('without the 1101 restriction the root is one call', async () => {
    fx.emu.faults.set({ rootRecursive1101: false });
    const walk = await walkTree(fx.client, { folderid: 0 });
    expect(walk).toMatchObject({ calls: 1, fallbacks: 0 });
    expect(paths(walk.root)).toContain('Walk/A/sub/a2.txt');
  });

  test('a tree too large for one listing (5000) is walked folder by folder with the same result', async () => {
    // /Walk holds 9 entries; A's sub-tree holds 4, so with a budget of 4 only /Walk itself is refused.
    fx.emu.faults.set({ maxRecursiveEntries: 4 });
    const walk = await walkTree(fx.client, { path: '/Walk' });
    expect(walk).toMatchObject({ calls: 5, fallbacks: 1 });
    expect(paths(walk.root)).toEqual([...WALK].sort());
    // A budget of 1 refuses A (3 entries) and A/sub (2) too: each costs a refused call and a plain one.
    fx.emu.faults.set({ maxRecursiveEntries: 1 });
    const finer = await walkTree(fx.client, { path: '/Walk' }, { concurrency: 1 });
    expect(finer.fallbacks).toBe(3);
    expect(finer.calls).toBe(2 /* Walk */ + 2 /* A */ + 2 /* A/sub */ + 1 /* B */ + 1 /* C */);
    expect(paths(finer.root)).toEqual([...WALK].sort());
  });

  test('transient failures are retried and every attempt is counted', async () => {
    fx.emu.faults.set({ rules: [{ methods: ['listfolder'], failEvery: 2, failResult: 4000 }] });
    const before = fx.sent.length;
    const walk = await walkTree(fx.client, { folderid: 0 }, { concurrency: 2 });
    expect(listfolderCalls(before)).toBe(walk.calls);
    const top = (walk.root.contents ?? []).filter((c) => c.isfolder).length;
    expect(walk.calls).toBeGreaterThan(2 + top);
    expect(paths(walk.root)).toContain('Walk/A/sub/ü & #.txt');
  });

  test('nofiles walks folders only', async () => {
    const walk = await walkTree(fx.client, { path: '/Walk' }, { nofiles: true });
    expect(paths(walk.root)).toEqual(['A', 'A/sub', 'B', 'C']);
  });

  test('entries carry depth, and a folder comes before its contents', async () => {
    const walk = await walkTree(fx.client, { path: '/Walk' });
    const entries = [...treeEntries(walk.root)];
    const seen = new Set<string>();
    for (const entry of entries) {
      const parent = entry.path.includes('/') ? entry.path.slice(0, entry.path.lastIndexOf('/')) : undefined;
      if (parent) expect(seen.has(parent)).toBe(true);
      expect(entry.depth).toBe(entry.path.split('/').length);
      seen.add(entry.path);
    }
  });
});
