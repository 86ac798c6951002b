import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';
import { walkTree, type FolderMetadata } from '@pcloud/core';
import { useEmulator } from './support/emulator.js';
import { spawnPcutil } from './support/spawn-pcutil.js';

const FILES = 80;
const IN_FLIGHT = 4;
const fx = useEmulator();
const sha1 = (data: Buffer): string => createHash('sha1').update(data).digest('hex');

async function localFiles(root: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile()) files.set(relative(root, path), sha1(await readFile(path)));
  }
  return files;
}

function remoteIds(folder: FolderMetadata, prefix = '', into = new Map<string, number>()): Map<string, number> {
  for (const item of folder.contents ?? []) {
    if (item.isfolder) remoteIds(item, `${prefix}${item.name}/`, into);
    else into.set(`${prefix}${item.name}`, item.fileid);
  }
  return into;
}

// pCloud throttles callers that go too fast (4000 "retry later"; HTTP 429 from a content host): the
// emulator refuses calls beyond a few in flight, and a latency keeps calls overlapping. The copy must
// see the push-back, run fewer transfers at once, and still end with every file, once, whole.
it(`cp -r up and down while pCloud throttles beyond ${IN_FLIGHT} calls at once: fewer lanes, every file verified`, {
  timeout: 120_000,
}, async () => {
  const root = await mkdtemp(join(tmpdir(), 'pcutil-throttle-'));
  const tree = join(root, 'tree');
  for (let i = 0; i < FILES; i++) {
    const dir = join(tree, `d${i % 4}`);
    await mkdir(dir, { recursive: true });
    const path = join(dir, `f${i}.bin`);
    await writeFile(path, randomBytes(512 + ((i * 977) % 4096)));
    // Times of their own: every file is a request of its own, as many requests as files.
    await utimes(path, 1_700_000_000 + i, 1_700_000_000 + i);
  }
  const source = await localFiles(tree);
  const before = fx.emulator.faults.tally.throttled;
  fx.emulator.faults.set({ callLimit: { inFlight: IN_FLIGHT }, rules: [{ latencyMs: 20 }] });
  let up;
  let down;
  try {
    up = await (await spawnPcutil(fx.emulator, ['cp', '-r', '-v', `${tree}/`, 'p:/throttled'])).exited;
    down = await (await spawnPcutil(fx.emulator, ['cp', '-r', '-v', 'p:/throttled/', join(root, 'back')])).exited;
  } finally {
    fx.emulator.faults.set({});
  }
  expect(fx.emulator.faults.tally.throttled - before).toBeGreaterThan(0);
  for (const run of [up, down]) {
    expect(run.code, run.stderr.slice(-2000)).toBe(0);
    expect(run.stderr).toMatch(/^pCloud is pushing back: \d+ transfer\(s\) at a time for now$/m);
    expect(run.stderr).toMatch(new RegExp(`^${FILES} file\\(s\\) copied`, 'm'));
  }
  const remote = remoteIds((await walkTree(fx.client, { path: '/throttled' })).root);
  expect([...remote.keys()].sort()).toEqual([...source.keys()].sort());
  for (const [path, fileid] of remote) expect((await fx.client.call('checksumfile', { fileid })).sha1, path).toBe(source.get(path));
  expect(await localFiles(join(root, 'back'))).toEqual(source);
});
