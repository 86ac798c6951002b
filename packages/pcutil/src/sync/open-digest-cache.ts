import { rmSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { type DigestCache, memoryDigestCache } from './digest-cache.js';
import { databaseDigestCache, openDatabase } from './digest-database.js';
import { loadSqlite } from './load-sqlite.js';

/** Where the cache lives: `$XDG_CACHE_HOME/pcloud/` (when absolute, as the XDG spec asks), else `~/.cache/pcloud/`. */
export function digestCachePath(env: Readonly<Record<string, string | undefined>>, home: string): string {
  const xdg = env.XDG_CACHE_HOME;
  return join(xdg && isAbsolute(xdg) ? xdg : join(home, '.cache'), 'pcloud', 'pcutil-digests.sqlite');
}

/**
 * Opens the digest cache of `--checksum` in node:sqlite: a file that is missing is created, one
 * that is not a database (or not ours) is replaced, and when none can be had the cache lives in
 * memory for this run, with a `note` saying why. A cache can only save time: an entry is used
 * only when everything that identifies the file's state still matches, so a stale one is a miss.
 * `scope` tells apart the file ids of different pCloud servers; `readOnly` (a dry run) never
 * creates, writes or removes the file.
 */
export function openDigestCache(
  file: string,
  scope: string,
  options: { readOnly?: boolean } = {},
  sqlite = loadSqlite(),
): { cache: DigestCache; note?: string } {
  if (sqlite === undefined) {
    return {
      cache: memoryDigestCache(),
      note: `Node.js ${process.versions.node} has no node:sqlite (22.13 and later have it): --checksum reads every file again on each run`,
    };
  }
  if (options.readOnly) {
    // A dry run changes nothing on disk, the cache included: it reads what is there, if anything.
    try {
      return { cache: databaseDigestCache(new sqlite.DatabaseSync(file, { readOnly: true }), scope, () => undefined, false) };
    } catch {
      return { cache: memoryDigestCache() };
    }
  }
  let db: DatabaseSync;
  try {
    db = openDatabase(file, sqlite);
  } catch {
    try {
      removeDatabase(file);
      db = openDatabase(file, sqlite);
    } catch (error) {
      return {
        cache: memoryDigestCache(),
        note: `the digest cache ${file} cannot be used (${(error as Error).message}); checksums are not kept this time`,
      };
    }
  }
  return { cache: databaseDigestCache(db, scope, () => removeDatabase(file), true) };
}

/** Removes a cache database and what SQLite keeps beside it. */
function removeDatabase(file: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(file + suffix, { force: true });
}
