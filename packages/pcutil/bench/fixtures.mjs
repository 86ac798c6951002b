// The files the rows move, and the byte checks of what a run left behind. Content is random and
// every file differs, so a misplaced piece or a file delivered under another's name is caught.
import { createHash, randomFillSync } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

const sha1Of = (buffer) => createHash('sha1').update(buffer).digest('hex');

/** Writes `size` random bytes to `path`; answers their sha1. */
export async function makeBigFile(path, size) {
  const piece = 8 * 1024 * 1024;
  const hash = createHash('sha1');
  const out = createWriteStream(path);
  for (let done = 0; done < size; done += piece) {
    const chunk = randomFillSync(Buffer.alloc(Math.min(piece, size - done)));
    hash.update(chunk);
    if (!out.write(chunk)) await new Promise((resolve) => out.once('drain', resolve));
  }
  await new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())));
  return hash.digest('hex');
}

/** sha1 of a local file, streamed. */
export async function sha1File(path) {
  const hash = createHash('sha1');
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) hash.update(chunk);
  return hash.digest('hex');
}

/**
 * `count` files of `size` random bytes in 20 folders under `dir`.
 * @returns {Promise<{ entries: Array<[string, Buffer]>, sha1s: Map<string, string> }>} by path relative to `dir`
 */
export async function makeSmallTree(dir, count, size) {
  const entries = [];
  for (let i = 0; i < count; i += 1) entries.push([`d${i % 20}/f${i}.bin`, randomFillSync(Buffer.alloc(size))]);
  for (let folder = 0; folder < Math.min(20, count); folder += 1) await mkdir(join(dir, `d${folder}`), { recursive: true });
  for (const [name, content] of entries) await writeFile(join(dir, name), content);
  return { entries, sha1s: new Map(entries.map(([name, content]) => [name, sha1Of(content)])) };
}

/** sha1 of every file under a local folder, by relative path. */
export async function localTreeSha1s(dir) {
  const sums = new Map();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    sums.set(relative(dir, path), sha1Of(await readFile(path)));
  }
  return sums;
}

/** Why `actual` (path → sha1) is not `expected`, or undefined when they hold the same files and bytes. */
export function treeDifference(expected, actual) {
  const missing = [...expected.keys()].filter((name) => !actual.has(name));
  const extra = [...actual.keys()].filter((name) => !expected.has(name));
  const wrong = [...expected.keys()].filter((name) => actual.has(name) && actual.get(name) !== expected.get(name));
  if (missing.length + extra.length + wrong.length === 0) return undefined;
  const few = (list) => list.slice(0, 3).join(', ') + (list.length > 3 ? ', …' : '');
  return [
    missing.length ? `${missing.length} missing (${few(missing)})` : '',
    extra.length ? `${extra.length} unexpected (${few(extra)})` : '',
    wrong.length ? `${wrong.length} with wrong bytes (${few(wrong)})` : '',
  ]
    .filter(Boolean)
    .join('; ');
}
