import { stat } from 'node:fs/promises';
import { checksumFile, type PCloudClient } from '@pcloud/core';
import { sha1File } from '../local/sha1-file.js';
import type { CopyStep, FileEntry, Loc } from '../plan/types.js';
import type { DigestCache, LocalFileKey } from './digest-cache.js';

/** The sha1 of files on either side, from the digest cache when it knows them. */
export interface FileDigests {
  /** The file's sha1: a cache hit, a local read, or one `checksumfile`. */
  sha1(loc: Loc, entry: FileEntry): Promise<string>;
  /** Keeps the sha1s that verified transfers computed anyway: the next run need not compute them again. */
  rememberTransfers(transfers: ReadonlyArray<{ step: CopyStep; sha1: string; remote: { fileid: number; hash: bigint } }>): Promise<void>;
}

async function localKey(path: string): Promise<LocalFileKey> {
  const info = await stat(path, { bigint: true });
  return { path, size: info.size, mtimeNs: info.mtimeNs, ctimeNs: info.ctimeNs, ino: info.ino, dev: info.dev };
}

const sameState = (a: LocalFileKey, b: LocalFileKey): boolean =>
  a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs && a.ino === b.ino && a.dev === b.dev;

/**
 * Digests through the cache: a local file is read only when its path, size, modification and
 * change times, inode or device differ from when it was last read (and what is read while the
 * file changes is not kept); a pCloud file costs a `checksumfile` only when its id or content
 * hash is new to the cache.
 */
export function createFileDigests(cache: DigestCache, client: () => Promise<PCloudClient>, signal?: AbortSignal): FileDigests {
  const local = async (path: string): Promise<string> => {
    const before = await localKey(path);
    const cached = cache.localSha1(before);
    if (cached !== undefined) return cached;
    const sha1 = await sha1File(path, signal);
    if (sameState(before, await localKey(path))) cache.rememberLocal(before, sha1);
    return sha1;
  };
  const remote = async (loc: Loc, entry: FileEntry): Promise<string> => {
    if (entry.id !== undefined && entry.hash !== undefined) {
      const cached = cache.remoteSha1(entry.id, entry.hash);
      if (cached !== undefined) return cached;
    }
    const ref = entry.id === undefined ? { path: loc.path } : { fileid: entry.id };
    const answer = await checksumFile(await client(), ref, signal ? { signal } : {});
    cache.rememberRemote(answer.metadata.fileid, answer.metadata.hash, answer.sha1);
    return answer.sha1;
  };
  return {
    sha1: (loc, entry) => (loc.side === 'local' ? local(loc.path) : remote(loc, entry)),
    async rememberTransfers(transfers) {
      for (const { step, sha1, remote: file } of transfers) {
        cache.rememberRemote(file.fileid, file.hash, sha1);
        const localPath = step.from.side === 'local' ? step.from.path : step.to.side === 'local' ? step.to.path : undefined;
        // A file changed since it was copied simply is not kept.
        if (localPath !== undefined)
          await localKey(localPath).then(
            (key) => cache.rememberLocal(key, sha1),
            () => undefined,
          );
      }
    },
  };
}
