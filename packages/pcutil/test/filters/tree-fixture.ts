/** Trees for the filter tests: one local tree, and helpers that list a tree as sorted relative paths. */
import { mkdir, mkdtemp, readdir, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isNotFound, walkTree, type FolderMetadata, type PCloudClient } from '@pcloud/core';

/** Seconds since the epoch, `days` ago. */
export const daysAgo = (days: number): number => Math.floor(Date.now() / 1000) - days * 86_400;

/**
 * The files of the test tree: path, content, age in days. Besides them the tree has an empty
 * folder `empty/`.
 */
export const TREE: ReadonlyArray<readonly [string, string, number]> = [
  ['a.txt', 'a', 1],
  ['b.log', 'log', 1],
  ['big.bin', 'x'.repeat(3000), 1],
  ['old.txt', 'old', 30],
  ['node_modules/x.js', 'x', 1],
  ['app/main.js', 'main', 1],
  ['app/node_modules/y.js', 'y', 1],
  ['app/cache/c.tmp', 'tmp', 1],
  ['build/out.js', 'out', 1],
  ['lib/build/z.js', 'z', 1],
];

/** Writes the tree under a new temporary folder, as `<temp>/src`; answers `<temp>`. */
export async function writeLocalTree(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'pcutil-filters-'));
  for (const [path, content, age] of TREE) {
    const file = join(root, 'src', path);
    await mkdir(join(file, '..'), { recursive: true });
    await writeFile(file, content);
    await utimes(file, daysAgo(age), daysAgo(age));
  }
  await mkdir(join(root, 'src', 'empty'));
  return root;
}

/** Seeds the tree on the emulator below `base` (files with their ages, and the empty folder). */
export async function seedRemoteTree(
  emulator: { seedFile(path: string, content: string, mtime?: number): Promise<number>; seedFolder(path: string): number },
  base: string,
): Promise<void> {
  for (const [path, content, age] of TREE) await emulator.seedFile(`${base}/${path}`, content, daysAgo(age));
  emulator.seedFolder(`${base}/empty`);
}

/** Every file and folder below a local folder, relative and sorted; folders end in `/`. */
export async function localPaths(root: string): Promise<string[]> {
  const out: string[] = [];
  const visit = async (dir: string, rel: string): Promise<void> => {
    for (const name of await readdir(dir)) {
      const folder = (await stat(join(dir, name))).isDirectory();
      out.push(`${rel}${name}${folder ? '/' : ''}`);
      if (folder) await visit(join(dir, name), `${rel}${name}/`);
    }
  };
  await visit(root, '');
  return out.sort();
}

/** Every file and folder below a pCloud folder, relative and sorted; folders end in `/`. Undefined when it is missing. */
export async function remotePaths(client: PCloudClient, path: string): Promise<string[] | undefined> {
  let root: FolderMetadata;
  try {
    root = (await walkTree(client, { path })).root;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
  const out: string[] = [];
  const visit = (folder: FolderMetadata, rel: string): void => {
    for (const item of folder.contents ?? []) {
      out.push(`${rel}${item.name}${item.isfolder ? '/' : ''}`);
      if (item.isfolder) visit(item, `${rel}${item.name}/`);
    }
  };
  visit(root, '');
  return out.sort();
}
