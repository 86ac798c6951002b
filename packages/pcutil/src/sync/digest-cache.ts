/**
 * The digest cache of `--checksum`: what it holds, and a stand-in that lives in memory
 * (open-digest-cache.ts picks the database when there can be one).
 */

/** What identifies one state of a local file: if any of it changed, so may the content have. */
export interface LocalFileKey {
  path: string;
  size: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
  ino: bigint;
  dev: bigint;
}

/** sha1s already computed: of local files by path and state, of pCloud files by id and content hash. */
export interface DigestCache {
  localSha1(key: LocalFileKey): string | undefined;
  rememberLocal(key: LocalFileKey, sha1: string): void;
  remoteSha1(fileid: number, hash: bigint): string | undefined;
  rememberRemote(fileid: number, hash: bigint, sha1: string): void;
  /** Writes what was learnt, forgets what went unused for long, and closes; never throws. */
  close(): void;
}

/** A local file's state as one string: size, modification and change times, inode, device. */
export const stampOf = (key: LocalFileKey): string => `${key.size}:${key.mtimeNs}:${key.ctimeNs}:${key.ino}:${key.dev}`;

/** A digest cache that lives as long as the run: where no database can be had, a run still reads each file once. */
export function memoryDigestCache(): DigestCache {
  const locals = new Map<string, { stamp: string; sha1: string }>();
  const remotes = new Map<number, { hash: bigint; sha1: string }>();
  return {
    localSha1: (key) => {
      const found = locals.get(key.path);
      return found?.stamp === stampOf(key) ? found.sha1 : undefined;
    },
    rememberLocal: (key, sha1) => void locals.set(key.path, { stamp: stampOf(key), sha1 }),
    remoteSha1: (fileid, hash) => {
      const found = remotes.get(fileid);
      return found?.hash === hash ? found.sha1 : undefined;
    },
    rememberRemote: (fileid, hash, sha1) => void remotes.set(fileid, { hash, sha1 }),
    close: () => undefined,
  };
}
