import { isMusicFile } from './music-types.js';

/** The music files of the music folder: path relative to it → pCloud file id. */
export interface MusicIndex {
  /** The pCloud folder the paths are relative to, such as `/Music`. */
  musicFolder: string;
  musicTypes: string[];
  files: Map<string, number>;
}

/** What a lookup found: the file id, or the existing name that differs only in letter case. */
export type IndexLookup = { found: true; fileid: number } | { found: false; caseVariant?: string };

/** Builds the index from (relative path, file id) pairs, keeping only music types. */
export function createMusicIndex(
  musicFolder: string,
  musicTypes: readonly string[],
  files: Iterable<readonly [path: string, fileid: number]>,
): MusicIndex {
  const index = new Map<string, number>();
  for (const [path, fileid] of files) {
    if (isMusicFile(path, musicTypes)) index.set(path.normalize('NFC'), fileid);
  }
  return { musicFolder, musicTypes: [...musicTypes], files: index };
}

/** The part of a recursive `listfolder` answer the index reads (core's folder metadata fits it). */
export interface ListedFolder {
  contents?: ReadonlyArray<(ListedFolder & { isfolder: true; name: string }) | { isfolder: false; name: string; fileid: number }>;
}

/** The files of a recursive `listfolder` answer, as paths relative to the listed folder. */
export function* filesOfListing(folder: ListedFolder, base = ''): Generator<[string, number]> {
  for (const item of folder.contents ?? []) {
    const path = base === '' ? item.name : `${base}/${item.name}`;
    if (item.isfolder) yield* filesOfListing(item, path);
    else yield [path, item.fileid];
  }
}

// Built on the first miss only: most runs match every track exactly.
const caseFolded = new WeakMap<MusicIndex, Map<string, string>>();

/**
 * Looks a relative path up. Names are compared in Unicode NFC, so a playlist written on macOS
 * (NFD) still matches; a miss reports a same-name file in another letter case, if any.
 */
export function lookupTrack(index: MusicIndex, relative: string): IndexLookup {
  const key = relative.normalize('NFC');
  const fileid = index.files.get(key);
  if (fileid !== undefined) return { found: true, fileid };
  let folded = caseFolded.get(index);
  if (!folded) {
    folded = new Map();
    for (const path of index.files.keys()) if (!folded.has(path.toLowerCase())) folded.set(path.toLowerCase(), path);
    caseFolded.set(index, folded);
  }
  const caseVariant = folded.get(key.toLowerCase());
  return caseVariant === undefined ? { found: false } : { found: false, caseVariant };
}

/** The pCloud path of a file given relative to the music folder. */
export function remotePath(musicFolder: string, relative: string): string {
  return `${musicFolder.replace(/\/+$/, '')}/${relative}`;
}
