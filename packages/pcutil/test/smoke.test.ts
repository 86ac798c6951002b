import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useEmulator } from './support/emulator.js';
import { RUNNERS } from './support/run-pcutil.js';

/** A small local tree with nested folders, an empty file and awkward names. */
async function makeTree(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'pcutil-smoke-'));
  await mkdir(join(root, 'tree/sub/deeper'), { recursive: true });
  await writeFile(join(root, 'tree/a.txt'), 'alpha\n');
  await writeFile(join(root, 'tree/empty'), '');
  await writeFile(join(root, 'tree/sub/q&a #1 %+?.txt'), 'odd name');
  await writeFile(join(root, 'tree/sub/deeper/ünïcödé.bin'), Buffer.alloc(70_000, 7));
  return root;
}

describe.each(RUNNERS)('through %s', (_runner, pcutil) => {
  // Each way gets its own emulator: the scenarios start from an empty account.
  const fx = useEmulator();

  describe('the original smoke scenarios', () => {
    it('copies a file to a new name and into a folder, up and down', async () => {
      const root = await makeTree();
      const file = join(root, 'tree/a.txt');
      expect((await pcutil(fx.emulator, ['cp', file, 'p:/smoke1/renamed.txt'])).code).toBe(0);
      expect((await pcutil(fx.emulator, ['mkdir', 'p:/smoke1/box'])).code).toBe(0);
      expect((await pcutil(fx.emulator, ['cp', file, 'p:/smoke1/box'])).code).toBe(0);
      const listing = await pcutil(fx.emulator, ['ls', 'p:/smoke1/box']);
      expect(listing.stdout).toBe('a.txt\n');
      const down = join(root, 'down');
      await mkdir(down);
      expect((await pcutil(fx.emulator, ['cp', 'p:/smoke1/renamed.txt', join(down, 'back.txt')])).code).toBe(0);
      expect((await pcutil(fx.emulator, ['cp', 'p:/smoke1/box/a.txt', down])).code).toBe(0);
      expect(await readFile(join(down, 'back.txt'), 'utf8')).toBe('alpha\n');
      expect(await readFile(join(down, 'a.txt'), 'utf8')).toBe('alpha\n');
    });

    it('copies into nested new folders, creating them', async () => {
      const root = await makeTree();
      const result = await pcutil(fx.emulator, ['cp', join(root, 'tree/a.txt'), 'p:/smoke2/x/y/z/a.txt']);
      expect(result.code).toBe(0);
      expect((await pcutil(fx.emulator, ['cat', 'p:/smoke2/x/y/z/a.txt'])).stdout).toBe('alpha\n');
      const down = join(root, 'n1/n2/a.txt');
      expect((await pcutil(fx.emulator, ['cp', 'p:/smoke2/x/y/z/a.txt', down])).code).toBe(0);
      expect(await readFile(down, 'utf8')).toBe('alpha\n');
    });

    it('copies recursively with and without the trailing slash, and back down equal (diff -r)', async () => {
      const root = await makeTree();
      await pcutil(fx.emulator, ['mkdir', 'p:/smoke3']);
      const whole = await pcutil(fx.emulator, ['cp', '-r', join(root, 'tree'), 'p:/smoke3']);
      expect(whole.code, whole.stderr).toBe(0);
      expect((await pcutil(fx.emulator, ['ls', 'p:/smoke3'])).stdout).toBe('tree/\n');
      const contents = await pcutil(fx.emulator, ['cp', '-r', `${join(root, 'tree')}/`, 'p:/smoke3/only']);
      expect(contents.code, contents.stderr).toBe(0);
      expect((await pcutil(fx.emulator, ['ls', 'p:/smoke3/only'])).stdout).toBe('sub/\na.txt\nempty\n');
      const back = join(root, 'back');
      await mkdir(back);
      const down = await pcutil(fx.emulator, ['cp', '-r', 'p:/smoke3/tree', back]);
      expect(down.code, down.stderr).toBe(0);
      execFileSync('diff', ['-r', join(root, 'tree'), join(back, 'tree')]);
      const mtimeUp = (await stat(join(root, 'tree/sub/deeper/ünïcödé.bin'))).mtimeMs;
      const mtimeDown = (await stat(join(back, 'tree/sub/deeper/ünïcödé.bin'))).mtimeMs;
      expect(Math.floor(mtimeDown / 1000)).toBe(Math.floor(mtimeUp / 1000));
    });

    it('removes files and folders, and a tree with counts', async () => {
      const root = await makeTree();
      await pcutil(fx.emulator, ['cp', '-r', join(root, 'tree'), 'p:/smoke4']);
      await pcutil(fx.emulator, ['mkdir', 'p:/smoke4/empty']);
      expect((await pcutil(fx.emulator, ['rm', 'p:/smoke4/tree/a.txt'])).code).toBe(0);
      expect((await pcutil(fx.emulator, ['rm', 'smoke4/empty'])).code).toBe(0);
      const refused = await pcutil(fx.emulator, ['rm', 'p:/smoke4/tree']);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toBe('pcutil: p:/smoke4/tree: folder is not empty; use -r to remove it and everything in it\n');
      const tree = await pcutil(fx.emulator, ['rm', '-r', 'p:/smoke4/tree']);
      expect(tree.code).toBe(0);
      expect(tree.stdout).toBe('p:/smoke4/tree: 3 folder(s), 3 file(s) deleted.\n');
      expect((await pcutil(fx.emulator, ['ls', 'p:/smoke4'])).stdout).toBe('');
    });
  });
});
