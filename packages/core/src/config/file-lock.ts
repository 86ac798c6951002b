import { closeSync, openSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { PCloudError } from '../errors.js';

/** How long to wait for a lock, and when a lock left behind counts as abandoned. */
export interface FileLockOptions {
  /** Give up after this many ms (default 10 000). */
  timeoutMs?: number;
  /** A lock file older than this is taken to be left by a crashed process and removed (default 10 000). */
  staleMs?: number;
}

function tryCreate(lockPath: string): boolean {
  try {
    // O_EXCL: exactly one process can create the file; the others see EEXIST.
    const fd = openSync(lockPath, 'wx', 0o600);
    try {
      writeSync(fd, `${process.pid}\n`);
    } finally {
      closeSync(fd);
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new PCloudError('CONFIG_ERROR', `cannot create the lock file ${lockPath} (${(error as NodeJS.ErrnoException).code ?? 'error'})`, {
      cause: error,
    });
  }
}

function removeIfStale(lockPath: string, staleMs: number): void {
  try {
    if (Date.now() - statSync(lockPath).mtimeMs > staleMs) unlinkSync(lockPath);
  } catch {
    // Gone already (released, or removed by another waiter): the next attempt will tell.
  }
}

/**
 * Runs `fn` while holding `lockPath`, a lock file created with O_EXCL, so that read-merge-write
 * cycles of several processes on one config file never interleave. The critical section is a few
 * milliseconds, so a lock older than `staleMs` belongs to a crashed process and is broken.
 */
export async function withFileLock<T>(lockPath: string, fn: () => T | Promise<T>, options: FileLockOptions = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const staleMs = options.staleMs ?? 10_000;
  const deadline = Date.now() + timeoutMs;
  while (!tryCreate(lockPath)) {
    removeIfStale(lockPath, staleMs);
    if (Date.now() > deadline) {
      throw new PCloudError('CONFIG_ERROR', `the config file is locked by another process (lock file ${lockPath})`, {
        hint: 'if no other pCloud tool is running, delete the lock file',
      });
    }
    await sleep(10 + Math.random() * 30);
  }
  try {
    return await fn();
  } finally {
    try {
      unlinkSync(lockPath);
    } catch {
      // Already removed as stale by a waiter after a very long critical section; nothing to release.
    }
  }
}
