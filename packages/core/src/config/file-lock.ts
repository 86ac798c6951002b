/**
 * A lock that processes take in turn around the config file's read-merge-write, and that a crashed
 * holder cannot leave stuck. Two waiters breaking an abandoned lock at once must never free a lock
 * that someone has just taken, and a release must never free another's lock, so every removal is a
 * compare-and-delete by a name only its owner has:
 * - the lock is a directory, `<file>.lock`, holding one file named after its owner;
 * - it is taken by renaming a prepared directory (with the owner's file inside) into place, which
 *   the kernel refuses while a lock with an owner is there (an empty one is replaced);
 * - an abandoned lock is broken by unlinking its owner's file by that name: a lock taken since has
 *   another owner's name and stays; an emptied directory is a free lock;
 * - the holder touches its file while it holds the lock, so only an abandoned one grows stale.
 * A plain lock file left by an older version is broken once stale; unlink cannot remove a directory,
 * so that can never free a lock of this kind.
 */
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readdir, rename, rmdir, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PCloudError } from '../errors.js';

/** How long to wait for a lock, and when a lock left behind counts as abandoned. */
export interface FileLockOptions {
  /** Give up after this many ms (default 10 000). */
  timeoutMs?: number;
  /** A lock whose owner has not touched it for this long was left by a crashed process and is broken (default 10 000). */
  staleMs?: number;
}

const OWNER_PREFIX = 'owner-';
/** The kernel's answers to a rename onto a lock that is held (a directory with an owner, or an old lock file). */
const HELD = new Set(['ENOTEMPTY', 'EEXIST', 'ENOTDIR']);

function lockError(lockPath: string, what: string, error: unknown): PCloudError {
  return new PCloudError('CONFIG_ERROR', `cannot ${what} the lock ${lockPath} (${(error as NodeJS.ErrnoException).code ?? 'error'})`, {
    cause: error,
  });
}

const code = (error: unknown): string | undefined => (error as NodeJS.ErrnoException).code;

/** Removes a file or an empty directory; a missing one, or one another process filled, is fine. */
async function removeQuietly(remove: () => Promise<void>): Promise<void> {
  try {
    await remove();
  } catch (error) {
    if (!['ENOENT', 'ENOTEMPTY', 'EEXIST'].includes(code(error) ?? '')) throw error;
  }
}

/** Breaks the lock if its owner has not touched it for `staleMs` (each removal by the owner's own name). */
async function breakIfStale(lockPath: string, staleMs: number): Promise<void> {
  const isStale = (mtimeMs: number): boolean => Date.now() - mtimeMs > staleMs;
  let found: Awaited<ReturnType<typeof lstat>>;
  try {
    found = await lstat(lockPath);
  } catch (error) {
    if (code(error) === 'ENOENT') return;
    throw error;
  }
  if (!found.isDirectory()) {
    if (isStale(found.mtimeMs)) await removeQuietly(() => unlink(lockPath));
    return;
  }
  let owners: string[];
  try {
    owners = (await readdir(lockPath)).filter((name) => name.startsWith(OWNER_PREFIX));
  } catch (error) {
    if (code(error) === 'ENOENT') return;
    throw error;
  }
  for (const owner of owners) {
    const file = join(lockPath, owner);
    try {
      if (isStale((await stat(file)).mtimeMs)) await removeQuietly(() => unlink(file));
    } catch (error) {
      if (code(error) !== 'ENOENT') throw error;
    }
  }
  // Empty now (or since a holder crashed mid-release): a free lock; tidy it unless someone took it.
  await removeQuietly(() => rmdir(lockPath));
}

/**
 * One attempt to take the lock: prepares a directory holding the owner's file beside the lock (a
 * rename stays on one file system) and renames it into place. Nothing is left behind on failure.
 */
async function tryTake(lockPath: string, owner: string): Promise<boolean> {
  const prepared = join(lockPath, '..', `.${basename(lockPath)}.${owner}`);
  const discard = async (): Promise<void> => {
    await removeQuietly(() => unlink(join(prepared, owner)));
    await removeQuietly(() => rmdir(prepared));
  };
  try {
    await mkdir(prepared, { mode: 0o700 });
    await writeFile(join(prepared, owner), `${process.pid}\n`, { mode: 0o600 });
  } catch (error) {
    await discard().catch(() => undefined);
    throw lockError(lockPath, 'prepare', error);
  }
  try {
    await rename(prepared, lockPath);
    return true;
  } catch (error) {
    await discard().catch(() => undefined);
    if (HELD.has(code(error) ?? '')) return false;
    throw lockError(lockPath, 'take', error);
  }
}

/**
 * Runs `fn` while holding the lock `lockPath`, so that read-merge-write cycles of several processes
 * on one config file never interleave; waits up to `timeoutMs`, breaking a lock abandoned for `staleMs`.
 */
export async function withFileLock<T>(lockPath: string, fn: () => T | Promise<T>, options: FileLockOptions = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const staleMs = options.staleMs ?? 10_000;
  const deadline = Date.now() + timeoutMs;
  const owner = `${OWNER_PREFIX}${process.pid}-${randomBytes(8).toString('hex')}`;
  while (!(await tryTake(lockPath, owner))) {
    await breakIfStale(lockPath, staleMs).catch((error: unknown) => {
      throw lockError(lockPath, 'check', error);
    });
    if (Date.now() > deadline) {
      throw new PCloudError('CONFIG_ERROR', `the config file is locked by another process (lock file ${lockPath})`, {
        hint: 'if no other pCloud tool is running, delete the lock file',
      });
    }
    await sleep(10 + Math.random() * 30);
  }
  const mine = join(lockPath, owner);
  const touch = (): void => {
    const now = new Date();
    utimes(mine, now, now).catch(() => undefined);
  };
  const heartbeat = setInterval(touch, Math.max(10, staleMs / 4));
  heartbeat.unref();
  try {
    return await fn();
  } finally {
    clearInterval(heartbeat);
    // Only our own name: if we were judged stale and another process holds the lock now, it stays.
    await removeQuietly(() => unlink(mine)).catch(() => undefined);
    await removeQuietly(() => rmdir(lockPath)).catch(() => undefined);
  }
}
