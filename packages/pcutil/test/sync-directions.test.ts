/**
 * `pcutil sync` up, down and on the server, over real sockets: a first sync, a second one with
 * nothing changed (one listing per pCloud side, counted on the emulator, and nothing else), then
 * files and folders new, changed in size or only in time, renamed, removed and emptied, with
 * --delete; every time DEST must hold exactly what SOURCE holds, modification times included.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useEmulator } from './support/emulator.js';
import { pcutil } from './support/run-pcutil.js';
import { localSide, remoteSide, type TestSide } from './support/sync-sides.js';
import { callsDuring } from './support/tree-state.js';

const fx = useEmulator();
const T0 = 1_700_000_000;

type Direction = 'up' | 'down' | 'server-side';
const DIRECTIONS: Direction[] = ['up', 'down', 'server-side'];

/** SOURCE (a folder named `tree`) and where DEST's parent is, for one direction. */
async function sides(direction: Direction): Promise<{ source: TestSide; destParent: string; dest: TestSide; remoteSides: number }> {
  const root = await mkdtemp(join(tmpdir(), `pcutil-sync-${direction}-`));
  const base = `/sync-${direction}`;
  if (direction === 'up') {
    return {
      source: localSide(join(root, 'tree')),
      destParent: `p:${base}`,
      dest: remoteSide(fx.emulator, fx.client, `${base}/tree`),
      remoteSides: 1,
    };
  }
  const source = remoteSide(fx.emulator, fx.client, `${base}/src/tree`);
  if (direction === 'down') return { source, destParent: join(root, 'down'), dest: localSide(join(root, 'down', 'tree')), remoteSides: 1 };
  return { source, destParent: `p:${base}/mirror`, dest: remoteSide(fx.emulator, fx.client, `${base}/mirror/tree`), remoteSides: 2 };
}

describe.each(DIRECTIONS)('sync %s', (direction) => {
  it('mirrors a tree, costs one listing per pCloud side when nothing changed, and follows every kind of change with --delete', {
    timeout: 60_000,
  }, async () => {
    const { source, destParent, dest, remoteSides } = await sides(direction);
    await source.put('a.txt', 'alpha', T0);
    await source.put('sub/b.txt', 'bravo', T0);
    await source.put('sub/deep/c.txt', 'charlie', T0 + 1);
    await source.put('old/name.txt', 'name', T0);
    await source.put('going.txt', 'going', T0);
    await source.mkdir('empty');

    const first = await pcutil(fx.emulator, ['sync', source.arg, destParent]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/^5 copied, 0 updated, 0 deleted, 0 unchanged, 0 filtered, 0 failed in .*; \d folder\(s\) created\.\n$/);
    expect(await dest.state()).toEqual(await source.state());

    const [again, calls] = await callsDuring(fx.emulator, () => pcutil(fx.emulator, ['sync', source.arg, destParent]));
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/^0 copied, 0 updated, 0 deleted, 5 unchanged, 0 filtered, 0 failed in [\d.]+ s\.\n$/);
    expect(calls).toEqual({ listfolder: remoteSides });

    await source.put('a.txt', 'alpha, longer', T0 + 10);
    await source.put('sub/b.txt', 'BRAVO', T0 + 20);
    await source.rename('sub/deep/c.txt', 'sub/deep/c2.txt', 'file');
    await source.rename('old', 'renamed', 'folder');
    await source.remove('going.txt', 'file');
    await source.remove('empty', 'folder');
    await source.mkdir('empty2');
    const changed = await pcutil(fx.emulator, ['-v', 'sync', '--delete', source.arg, destParent]);
    expect(changed.code, changed.stderr).toBe(0);
    const [from, to] = [source.arg, dest.arg];
    const mk = dest.arg.startsWith('p:') ? 'mkfolder' : 'mkdir';
    expect(
      changed.stderr
        .split('\n')
        .filter((line) => /^(cp|rm|mkdir|mkfolder) /.test(line))
        .sort(),
    ).toEqual(
      [
        `cp ${from}/a.txt ${to}/a.txt (size)`,
        `cp ${from}/sub/b.txt ${to}/sub/b.txt (time)`,
        `cp ${from}/sub/deep/c2.txt ${to}/sub/deep/c2.txt (new)`,
        `cp ${from}/renamed/name.txt ${to}/renamed/name.txt (new)`,
        `${mk} ${to}/renamed`,
        `${mk} ${to}/empty2`,
        `rm ${to}/going.txt`,
        `rm ${to}/sub/deep/c.txt`,
        `rm -r ${to}/old`,
        `rm -r ${to}/empty`,
      ].sort(),
    );
    expect(changed.stderr).toMatch(/\n2 copied, 2 updated, 5 deleted, 0 unchanged, 0 filtered, 0 failed in .*; 2 folder\(s\) created\.\n$/);
    expect(await dest.state()).toEqual(await source.state());

    const [last, lastCalls] = await callsDuring(fx.emulator, () => pcutil(fx.emulator, ['sync', '--delete', source.arg, destParent]));
    expect(last.stderr).toMatch(/^0 copied, 0 updated, 0 deleted, 4 unchanged/);
    expect(lastCalls).toEqual({ listfolder: remoteSides });
  });
});
