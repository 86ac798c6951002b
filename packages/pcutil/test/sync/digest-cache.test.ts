/**
 * The digest cache of `sync --checksum` on a real disk and a real node:sqlite database: where it
 * lives, that it is private, that an entry is used only for the very state it was made for (a
 * stale one is a miss), that garbage in its file is replaced rather than trusted, and that what a
 * run learns is written in batches, not held until the end.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rename, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileDigests } from '../../src/sync/file-digests.js';
import { loadSqlite } from '../../src/sync/load-sqlite.js';
import { digestCachePath, openDigestCache } from '../../src/sync/open-digest-cache.js';
import type { LocalFileKey } from '../../src/sync/digest-cache.js';

const T0 = 1_700_000_000;
const SHA1_A = 'a'.repeat(40);
const sha1 = (text: string): string => createHash('sha1').update(text).digest('hex');
const noClient = () => Promise.reject(new Error('no pCloud in this test'));
const local = (path: string) => ({ side: 'local' as const, path });
const fileEntry = (name: string, size: number) => ({ kind: 'file' as const, name, size, mtime: T0 });

async function scratch(): Promise<{ root: string; file: string }> {
  const root = await mkdtemp(join(tmpdir(), 'pcutil-digest-cache-'));
  return { root, file: join(root, 'cache', 'pcloud', 'pcutil-digests.sqlite') };
}

/** How many rows each table of the cache file holds. */
function rows(file: string): { local: number; remote: number } {
  const sqlite = loadSqlite();
  if (!sqlite) throw new Error('node:sqlite is missing');
  const db = new sqlite.DatabaseSync(file, { readOnly: true });
  try {
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { local: count('local_sha1'), remote: count('remote_sha1') };
  } finally {
    db.close();
  }
}

describe('digest cache', () => {
  it('lives in $XDG_CACHE_HOME/pcloud when that is absolute, else in ~/.cache/pcloud', () => {
    expect(digestCachePath({ XDG_CACHE_HOME: '/x/cache' }, '/home/u')).toBe('/x/cache/pcloud/pcutil-digests.sqlite');
    expect(digestCachePath({ XDG_CACHE_HOME: 'relative/cache' }, '/home/u')).toBe('/home/u/.cache/pcloud/pcutil-digests.sqlite');
    expect(digestCachePath({}, '/home/u')).toBe('/home/u/.cache/pcloud/pcutil-digests.sqlite');
  });

  it('is created private: the file 0600, its folder 0700, whatever the umask', async () => {
    const { file } = await scratch();
    const umask = process.umask(0);
    try {
      openDigestCache(file, 'host').cache.close();
    } finally {
      process.umask(umask);
    }
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(join(file, '..'))).mode & 0o777).toBe(0o700);
  });

  it('misses when a local file was replaced by another of the same size and time (a new inode), and reads it again', async () => {
    const { root, file } = await scratch();
    const path = join(root, 'a.txt');
    await writeFile(path, 'old!');
    await utimes(path, T0, T0);
    const first = openDigestCache(file, 'host');
    const before = await createFileDigests(first.cache, noClient).sha1(local(path), fileEntry('a.txt', 4));
    first.cache.close();

    // Same name, size and modification time, other bytes: only the inode (and change time) tell.
    const other = join(root, 'other.txt');
    await writeFile(other, 'new!');
    await utimes(other, T0, T0);
    await rename(other, path);
    const second = openDigestCache(file, 'host');
    const after = await createFileDigests(second.cache, noClient).sha1(local(path), fileEntry('a.txt', 4));
    second.cache.close();
    expect(before).toBe(sha1('old!'));
    expect(after).toBe(sha1('new!'));
    // An entry is found only by everything that identifies the state it was made for.
    const key: LocalFileKey = { path, size: 4n, mtimeNs: 1n, ctimeNs: 2n, ino: 3n, dev: 4n };
    const third = openDigestCache(file, 'host').cache;
    third.rememberLocal(key, SHA1_A);
    third.close();
    const fourth = openDigestCache(file, 'host').cache;
    expect(fourth.localSha1(key)).toBe(SHA1_A);
    for (const change of [{ size: 5n }, { mtimeNs: 9n }, { ctimeNs: 9n }, { ino: 9n }, { dev: 9n }, { path: `${path}x` }])
      expect(
        fourth.localSha1({ ...key, ...change }),
        JSON.stringify(change, (_, v) => String(v)),
      ).toBeUndefined();
    fourth.close();
  });

  it('misses a pCloud file whose content hash changed, and keeps the servers apart', async () => {
    const { file } = await scratch();
    const writer = openDigestCache(file, 'eapi.pcloud.com').cache;
    writer.rememberRemote(7, 123n, SHA1_A);
    writer.close();
    const reader = openDigestCache(file, 'eapi.pcloud.com').cache;
    expect(reader.remoteSha1(7, 123n)).toBe(SHA1_A);
    expect(reader.remoteSha1(7, 124n)).toBeUndefined();
    expect(reader.remoteSha1(8, 123n)).toBeUndefined();
    reader.close();
    const elsewhere = openDigestCache(file, 'api.pcloud.com').cache;
    expect(elsewhere.remoteSha1(7, 123n)).toBeUndefined();
    elsewhere.close();
  });

  it('replaces a file of garbage with a fresh database, and one damaged after a few good pages too', async () => {
    const { file } = await scratch();
    await mkdir(join(file, '..'), { recursive: true });
    await writeFile(file, Buffer.alloc(64 * 1024, 0xa5));
    const garbage = openDigestCache(file, 'host');
    expect(garbage.note).toBeUndefined();
    expect(garbage.cache.remoteSha1(7, 1n)).toBeUndefined();
    garbage.cache.rememberRemote(7, 1n, SHA1_A);
    garbage.cache.close();
    expect((await readFile(file)).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    expect(rows(file).remote).toBe(1);

    // A valid header followed by trash: SQLite opens it and fails only when it reads the tables.
    const writer = openDigestCache(file, 'host').cache;
    for (let id = 0; id < 300; id += 1) writer.rememberRemote(id, 1n, SHA1_A);
    writer.close();
    const bytes = await readFile(file);
    bytes.fill(0x5a, 100);
    await writeFile(file, bytes);
    const damaged = openDigestCache(file, 'host');
    expect(damaged.cache.remoteSha1(7, 1n)).toBeUndefined();
    damaged.cache.close();
    const fresh = openDigestCache(file, 'host');
    expect(fresh.cache.remoteSha1(7, 1n)).toBeUndefined();
    fresh.cache.rememberRemote(7, 1n, SHA1_A);
    fresh.cache.close();
    expect(openDigestCache(file, 'host').cache.remoteSha1(7, 1n)).toBe(SHA1_A);
  });

  it('writes what it learns in batches as the run goes, not all at the end', async () => {
    const { file } = await scratch();
    const cache = openDigestCache(file, 'host').cache;
    for (let id = 0; id < 2500; id += 1) cache.rememberRemote(id, 1n, SHA1_A);
    // Two batches are already in the file while the run is still going; the rest comes on close.
    expect(rows(file).remote).toBe(2000);
    cache.close();
    expect(rows(file).remote).toBe(2500);
  });

  it('in a dry run reads the file but never creates or writes it', async () => {
    const { file } = await scratch();
    const missing = openDigestCache(file, 'host', { readOnly: true }).cache;
    missing.rememberRemote(1, 1n, SHA1_A);
    missing.close();
    await expect(stat(file)).rejects.toThrow(/ENOENT/);
    const writer = openDigestCache(file, 'host').cache;
    writer.rememberRemote(1, 1n, SHA1_A);
    writer.close();
    const reader = openDigestCache(file, 'host', { readOnly: true }).cache;
    expect(reader.remoteSha1(1, 1n)).toBe(SHA1_A);
    for (let id = 2; id < 3000; id += 1) reader.rememberRemote(id, 1n, SHA1_A);
    reader.close();
    expect(rows(file).remote).toBe(1);
  });
});
