import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { type DigestCache, stampOf } from './digest-cache.js';
import type { SqliteModule } from './load-sqlite.js';

/** Bumped when the tables change: an older cache is then dropped, which costs only time. */
const SCHEMA_VERSION = 1;
/** Entries not used for this many days are forgotten. */
const KEEP_DAYS = 90;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS local_sha1 (path TEXT PRIMARY KEY, stamp TEXT NOT NULL, sha1 TEXT NOT NULL, used INTEGER NOT NULL) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS remote_sha1 (scope TEXT NOT NULL, fileid INTEGER NOT NULL, hash TEXT NOT NULL, sha1 TEXT NOT NULL, used INTEGER NOT NULL, PRIMARY KEY (scope, fileid)) WITHOUT ROWID;
`;

const today = (): number => Math.floor(Date.now() / 86_400_000);

/** Opens the database, creating the file private (0600) and its folder (0700); throws when it is not a usable cache. */
export function openDatabase(file: string, sqlite: SqliteModule): DatabaseSync {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  closeSync(openSync(file, 'a', 0o600));
  const db = new sqlite.DatabaseSync(file);
  try {
    db.exec('PRAGMA busy_timeout = 3000');
    const version = (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;
    if (version !== SCHEMA_VERSION)
      db.exec(`DROP TABLE IF EXISTS local_sha1; DROP TABLE IF EXISTS remote_sha1; PRAGMA user_version = ${SCHEMA_VERSION};`);
    db.exec(SCHEMA);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** SQLite's result codes for a database another run holds: wait for it next time, do not throw it away. */
const BUSY_CODES = new Set([5, 6]);

/** What is learnt is written in batches of this many entries, so a run of any size holds no more than that in memory. */
const BATCH = 1000;

/**
 * The cache in an open database: reads as the run goes (entries used today are not written
 * again), writes what was learnt in batches of {@link BATCH}, each in one transaction, and the
 * rest when it closes. A database that fails mid-run is no longer asked; one that fails for any
 * reason but being held by another run is damaged, and `forget` removes it on close, so the next
 * run starts a fresh one. A cache that is not `writable` (a dry run's) is only read, and keeps at
 * most one batch of what it learns.
 */
export function databaseDigestCache(db: DatabaseSync, scope: string, forget: () => void, writable: boolean): DigestCache {
  const day = today();
  const getLocal = db.prepare('SELECT sha1, used FROM local_sha1 WHERE path = ? AND stamp = ?');
  const getRemote = db.prepare('SELECT sha1, used FROM remote_sha1 WHERE scope = ? AND fileid = ? AND hash = ?');
  const locals = new Map<string, { stamp: string; sha1: string }>();
  const remotes = new Map<number, { hash: string; sha1: string }>();
  const usedLocal: string[] = [];
  const usedRemote: number[] = [];
  let failure: 'busy' | 'damaged' | undefined;
  const fail = (error: unknown): undefined => {
    failure = BUSY_CODES.has((error as { errcode?: number }).errcode ?? -1) ? 'busy' : 'damaged';
    try {
      if (db.isTransaction) db.exec('ROLLBACK');
    } catch {
      // The database is past saving: it goes on close.
    }
    return undefined;
  };
  const pending = (): number => locals.size + remotes.size + usedLocal.length + usedRemote.length;
  const lookUp = (query: () => unknown, touched: () => void): string | undefined => {
    if (failure) return undefined;
    try {
      const found = query() as { sha1: string; used: number } | undefined;
      if (found && found.used < day && writable) {
        touched();
        flushIfFull();
      }
      return found?.sha1;
    } catch (error) {
      return fail(error);
    }
  };
  /** Writes what was learnt and used since the last write, in one transaction, and forgets it. */
  const flush = (prune: boolean): void => {
    db.exec('BEGIN IMMEDIATE');
    const putLocal = db.prepare('INSERT OR REPLACE INTO local_sha1 (path, stamp, sha1, used) VALUES (?, ?, ?, ?)');
    for (const [path, { stamp, sha1 }] of locals) putLocal.run(path, stamp, sha1, day);
    const putRemote = db.prepare('INSERT OR REPLACE INTO remote_sha1 (scope, fileid, hash, sha1, used) VALUES (?, ?, ?, ?, ?)');
    for (const [fileid, { hash, sha1 }] of remotes) putRemote.run(scope, fileid, hash, sha1, day);
    const touchLocal = db.prepare('UPDATE local_sha1 SET used = ? WHERE path = ?');
    for (const path of usedLocal) touchLocal.run(day, path);
    const touchRemote = db.prepare('UPDATE remote_sha1 SET used = ? WHERE scope = ? AND fileid = ?');
    for (const fileid of usedRemote) touchRemote.run(day, scope, fileid);
    if (prune) {
      db.prepare('DELETE FROM local_sha1 WHERE used < ?').run(day - KEEP_DAYS);
      db.prepare('DELETE FROM remote_sha1 WHERE used < ?').run(day - KEEP_DAYS);
    }
    db.exec('COMMIT');
    locals.clear();
    remotes.clear();
    usedLocal.length = 0;
    usedRemote.length = 0;
  };
  const flushIfFull = (): void => {
    if (failure || !writable || pending() < BATCH) return;
    try {
      flush(false);
    } catch (error) {
      fail(error);
    }
  };
  /** Keeps an entry to write; a cache that cannot write keeps no more than one batch. */
  const remember = (keep: () => void): void => {
    if (!writable && pending() >= BATCH) return;
    keep();
    flushIfFull();
  };
  return {
    localSha1(key) {
      const pending = locals.get(key.path);
      if (pending) return pending.stamp === stampOf(key) ? pending.sha1 : undefined;
      return lookUp(
        () => getLocal.get(key.path, stampOf(key)),
        () => usedLocal.push(key.path),
      );
    },
    rememberLocal: (key, sha1) => remember(() => locals.set(key.path, { stamp: stampOf(key), sha1 })),
    remoteSha1(fileid, hash) {
      const pending = remotes.get(fileid);
      if (pending) return pending.hash === String(hash) ? pending.sha1 : undefined;
      return lookUp(
        () => getRemote.get(scope, fileid, String(hash)),
        () => usedRemote.push(fileid),
      );
    },
    rememberRemote: (fileid, hash, sha1) => remember(() => remotes.set(fileid, { hash: String(hash), sha1 })),
    close() {
      try {
        if (!failure && writable) flush(true);
      } catch (error) {
        fail(error);
      }
      try {
        db.close();
      } catch {
        // A damaged database may not even close; it goes below either way.
      }
      if (failure === 'damaged') forget();
    },
  };
}
