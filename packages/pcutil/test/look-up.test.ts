import { describe, expect, it } from 'vitest';
import { lookUpDest, lookUpExisting, lookUpSource } from '../src/copy/look-up.js';
import { parseArg } from '../src/copy/parse-arg.js';
import { resolveTargets } from '../src/plan/resolve-targets.js';
import { findRemote } from '../src/remote/remote-tree.js';
import type { Entry } from '../src/plan/types.js';
import { useEmulator } from './support/emulator.js';

const fx = useEmulator();
const environment = { env: {}, cwd: '/tmp', home: '/root' };
const getClient = async () => fx.client;

function names(entry: Entry | undefined): unknown {
  if (entry === undefined || entry.kind !== 'folder') return entry?.kind === 'file' ? `${entry.name}:${entry.size}` : entry;
  return { [entry.name]: (entry.children ?? []).map(names) };
}

describe('remote look-ups against the emulator', () => {
  it('lists a remote tree, and the root folder by folder despite 1101', async () => {
    await fx.emulator.seedFile('/lk/a/x.txt', 'xyz');
    await fx.emulator.seedFile('/lk/b.txt', '');
    const tree = await findRemote(fx.client, '/lk', true);
    expect(tree?.kind).toBe('folder');
    expect(JSON.stringify(names(tree))).toContain('x.txt:3');
    const root = await findRemote(fx.client, '/', true);
    expect(JSON.stringify(names(root))).toContain('"b.txt:0"');
  });

  it('finds files, misses missing paths, and prefers a folder', async () => {
    await fx.emulator.seedFile('/lk2/f', 'hello', 1_600_000_000);
    const file = await findRemote(fx.client, '/lk2/f', false);
    expect(file).toMatchObject({ kind: 'file', name: 'f', size: 5, mtime: 1_600_000_000 });
    expect(await findRemote(fx.client, '/lk2/none', false)).toBeUndefined();
    expect(await findRemote(fx.client, '/lk2/f/deeper', false)).toBeUndefined();
  });

  it('reports missing parents of DEST outermost first, and a file in the way', async () => {
    await fx.emulator.seedFile('/lk3/file', '1');
    const dest = await lookUpDest(parseArg('p:/lk3/n1/n2/new', environment), getClient);
    expect(dest.entry).toBeUndefined();
    expect(dest.missingParents.map((loc) => loc.path)).toEqual(['/lk3/n1', '/lk3/n1/n2']);
    const blocked = await lookUpDest(parseArg('p:/lk3/file/x', environment), getClient);
    expect(blocked.blockedBy?.path).toBe('/lk3/file');
  });

  it('looks up what exists where a folder lands, from DEST one level listing', async () => {
    await fx.emulator.seedFile('/lk4/dst/src/old.txt', 'old');
    await fx.emulator.seedFile('/lk4/src/new.txt', 'new');
    const source = await lookUpSource(parseArg('p:/lk4/src', environment), { recursive: true }, getClient);
    const dest = await lookUpDest(parseArg('p:/lk4/dst', environment), getClient);
    const plan = resolveTargets([source], dest, { recursive: true, noClobber: false, update: false });
    const existing = await lookUpExisting(plan.targets[0]!, dest, getClient);
    expect(names(existing)).toEqual({ src: ['old.txt:3'] });
  });
});
