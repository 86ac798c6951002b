import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { walkLocal } from '../../src/local/walk-local.js';
import type { Entry } from '../../src/plan/types.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'pcutil-walk-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A compact, order-independent picture of a tree. */
function shape(entry: Entry | undefined): unknown {
  if (entry === undefined) return undefined;
  if (entry.kind === 'file') return `${entry.name}:${entry.size}`;
  if (entry.kind === 'problem') return `!${entry.name}:${entry.severity}:${entry.message}`;
  if (entry.children === undefined) return `${entry.name}/`;
  return { [entry.name]: entry.children.map(shape).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) };
}

describe('walkLocal', () => {
  it('returns undefined for a missing path', async () => {
    expect(await walkLocal(join(root, 'nope'), 'nope', { recursive: true })).toBeUndefined();
  });

  it('describes a file with size and mtime in seconds, empty files included', async () => {
    await writeFile(join(root, 'e'), '');
    await writeFile(join(root, '.bashrc'), 'abc');
    await utimes(join(root, '.bashrc'), 1_600_000_000, 1_600_000_123);
    expect(await walkLocal(join(root, '.bashrc'), '.bashrc', { recursive: false })).toEqual({
      kind: 'file',
      name: '.bashrc',
      size: 3,
      mtime: 1_600_000_123,
    });
    expect(shape(await walkLocal(join(root, 'e'), 'e', { recursive: false }))).toBe('e:0');
  });

  it('does not list a folder without recursion', async () => {
    await mkdir(join(root, 'd'));
    expect(shape(await walkLocal(join(root, 'd'), 'd', { recursive: false }))).toBe('d/');
  });

  async function treeWithLinks(): Promise<void> {
    await mkdir(join(root, 'src/sub'), { recursive: true });
    await mkdir(join(root, 'elsewhere'));
    await writeFile(join(root, 'src/a'), '12345');
    await writeFile(join(root, 'src/sub/b'), 'x');
    await writeFile(join(root, 'elsewhere/c'), 'yy');
    await symlink(join(root, 'src/a'), join(root, 'src/link-a'));
    await symlink(join(root, 'elsewhere'), join(root, 'src/link-dir'));
  }

  it('follows symlinks to files but not into linked folders, which it reports', async () => {
    await treeWithLinks();
    const tree = await walkLocal(join(root, 'src'), 'src', { recursive: true });
    expect(shape(tree)).toEqual({
      src: ['!link-dir:warning:a symbolic link to a folder; not followed (-L follows it)', 'a:5', 'link-a:5', { sub: ['b:1'] }],
    });
    const link = tree?.kind === 'folder' ? tree.children?.find((child) => child.name === 'link-dir') : undefined;
    expect(link).toMatchObject({ kind: 'problem', linkNotFollowed: true });
  });

  it('walks into linked folders with followLinks (-L)', async () => {
    await treeWithLinks();
    expect(shape(await walkLocal(join(root, 'src'), 'src', { recursive: true, followLinks: true }))).toEqual({
      src: ['a:5', 'link-a:5', { 'link-dir': ['c:2'] }, { sub: ['b:1'] }],
    });
  });

  it('always follows the path it is given, even when that is a link to a folder', async () => {
    await treeWithLinks();
    expect(shape(await walkLocal(join(root, 'src/link-dir'), 'link-dir', { recursive: true }))).toEqual({ 'link-dir': ['c:2'] });
  });

  it('with followLinks, detects a symlink loop and reports it as a warning instead of walking forever', async () => {
    await mkdir(join(root, 'src/inner'), { recursive: true });
    await writeFile(join(root, 'src/inner/f'), 'z');
    await symlink(join(root, 'src'), join(root, 'src/inner/back'));
    const tree = shape(await walkLocal(join(root, 'src'), 'src', { recursive: true, followLinks: true }));
    expect(tree).toEqual({
      src: [{ inner: ['!back:warning:symbolic link loop (it leads back to a folder being copied); skipped', 'f:1'] }],
    });
  });

  it('skips special files with a warning and reports broken links as errors', async () => {
    await mkdir(join(root, 'src'));
    execFileSync('mkfifo', [join(root, 'src/pipe')]);
    await symlink(join(root, 'missing-target'), join(root, 'src/dangling'));
    await writeFile(join(root, 'src/ok'), 'o');
    expect(shape(await walkLocal(join(root, 'src'), 'src', { recursive: true }))).toEqual({
      src: ['!dangling:error:broken symbolic link', '!pipe:warning:not a regular file or folder (device, FIFO or socket); skipped', 'ok:1'],
    });
  });
});
