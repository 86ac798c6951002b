// The trees the sync bench mirrors: a base tree shaped like a photo or document archive (folders
// of 20 files, 25 folders to a parent), and the same tree with 1% of its files changed: most
// rewritten in place (same size, new bytes, new modification time), some added, some removed.
// The base files are dated a day back, as an archive is: a file rewritten now then differs in
// its modification time, as an edited file does, even when the whole tree is written within a
// second. The changed tree shares the untouched files with the base through hard links, so they
// keep their inode and modification time, as files nobody touched.
import { createHash, randomFillSync } from 'node:crypto';
import { link, mkdir, rm, utimes, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

const sha1Of = (buffer) => createHash('sha1').update(buffer).digest('hex');

/** Relative path of file `i`: `a<top>/b<folder>/f<i>.bin`. */
function pathOf(i, perFolder) {
  const folder = Math.floor(i / perFolder);
  return `a${Math.floor(folder / 25)}/b${folder % 25}/f${i}.bin`;
}

/**
 * Writes `count` files of `size` random bytes below `dir`, modified a day ago.
 * @returns {Promise<Map<string, string>>} sha1 by relative path
 */
export async function makeSyncTree(dir, { files, fileSize, perFolder }) {
  const sums = new Map();
  const dayAgo = Math.floor(Date.now() / 1000) - 86_400;
  for (let i = 0; i < files; i += 1) {
    const path = pathOf(i, perFolder);
    if (i % perFolder === 0) await mkdir(join(dir, dirname(path)), { recursive: true });
    const content = randomFillSync(Buffer.alloc(fileSize));
    await writeFile(join(dir, path), content);
    await utimes(join(dir, path), dayAgo, dayAgo);
    sums.set(path, sha1Of(content));
  }
  return sums;
}

/**
 * Makes `dir` the base tree with 1% of its files changed: 80% of those rewritten, 10% added, 10%
 * removed, spread over the tree.
 * @param {Map<string, string>} base sha1 by relative path of the base tree in `baseDir`
 * @returns {Promise<{ sums: Map<string, string>, rewritten: number, added: number, removed: number }>}
 */
export async function makeChangedTree(baseDir, dir, base, { files, fileSize, perFolder }) {
  const sums = new Map(base);
  for (const path of base.keys()) {
    await mkdir(join(dir, dirname(path)), { recursive: true });
    await link(join(baseDir, path), join(dir, path));
  }
  const changes = Math.max(10, Math.round(files / 100));
  const removed = Math.round(changes / 10);
  const added = removed;
  const rewritten = changes - removed - added;
  const stride = Math.floor(files / changes);
  const picked = Array.from({ length: changes }, (_, k) => pathOf(k * stride + (k % perFolder), perFolder));
  for (const path of picked.slice(0, rewritten)) {
    const content = randomFillSync(Buffer.alloc(fileSize));
    // A new file under the old name: the base tree keeps its own bytes behind the hard link.
    await rm(join(dir, path));
    await writeFile(join(dir, path), content);
    sums.set(path, sha1Of(content));
  }
  for (const path of picked.slice(rewritten, rewritten + removed)) {
    await rm(join(dir, path));
    sums.delete(path);
  }
  for (const path of picked.slice(rewritten + removed).map((path) => path.replace(/\.bin$/, '-new.bin'))) {
    const content = randomFillSync(Buffer.alloc(fileSize));
    await writeFile(join(dir, path), content);
    sums.set(path, sha1Of(content));
  }
  return { sums, rewritten, added, removed };
}
