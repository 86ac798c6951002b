/**
 * `pcutil sync` with filters, up, down and on the server, over real sockets: what the rules leave
 * out is neither copied nor, with --delete, removed from DEST; what they take is mirrored.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useEmulator } from './support/emulator.js';
import { pcutil } from './support/run-pcutil.js';
import { localSide, remoteSide, type TestSide } from './support/sync-sides.js';

const fx = useEmulator();
const T0 = 1_700_000_000;

type Direction = 'up' | 'down' | 'server-side';

async function sides(direction: Direction): Promise<{ source: TestSide; dest: TestSide }> {
  const root = await mkdtemp(join(tmpdir(), `pcutil-sync-filters-${direction}-`));
  const base = `/sync-filters-${direction}`;
  if (direction === 'up') return { source: localSide(join(root, 'tree')), dest: remoteSide(fx.emulator, fx.client, `${base}/tree`) };
  const source = remoteSide(fx.emulator, fx.client, `${base}/src/tree`);
  if (direction === 'down') return { source, dest: localSide(join(root, 'down', 'tree')) };
  return { source, dest: remoteSide(fx.emulator, fx.client, `${base}/mirror/tree`) };
}

describe.each<Direction>(['up', 'down', 'server-side'])('sync %s with filters', (direction) => {
  it('leaves excluded files and folders alone on both sides, and mirrors the rest', { timeout: 60_000 }, async () => {
    const { source, dest } = await sides(direction);
    await source.put('keep.txt', 'keep', T0);
    await source.put('skip.tmp', 'skip', T0);
    await source.put('cache/big.bin', 'cache', T0);
    await source.put('sub/also.txt', 'also', T0);
    await dest.put('dest-only.tmp', 'mine', T0);
    await dest.put('gone.txt', 'gone', T0);

    const filters = ['--exclude', '*.tmp', '--exclude', 'cache/'];
    const run = await pcutil(fx.emulator, ['sync', '--delete', ...filters, `${source.arg}/`, dest.arg]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^2 copied, 0 updated, 1 deleted, 0 unchanged, [1-9]\d* filtered, 0 failed in /);

    const state = await dest.state();
    const names = [...state.keys()].sort();
    expect(names).toEqual(expect.arrayContaining(['keep.txt', 'sub/also.txt', 'dest-only.tmp']));
    expect(names).not.toContain('skip.tmp');
    expect(names).not.toContain('cache/big.bin');
    expect(names).not.toContain('gone.txt');

    const again = await pcutil(fx.emulator, ['sync', '--delete', ...filters, `${source.arg}/`, dest.arg]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/^0 copied, 0 updated, 0 deleted, 2 unchanged, /);
  });
});
