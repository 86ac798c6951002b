import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createMusicIndex, type MusicIndex } from './music-index.js';

/** The cache file's format; the music folder and types it was made for travel with it. */
interface CacheFile {
  version: 1;
  musicFolder: string;
  musicTypes: string[];
  created: string;
  files: Record<string, number>;
}

/** What reading the cache gave: the index, or why it cannot be used (then it is refetched). */
export type CacheRead = { ok: true; index: MusicIndex } | { ok: false; reason: string };

/**
 * Reads a cache made by {@link writeMusicCache}. A cache made for another music folder or
 * other music types, or one that is unreadable, is reported as unusable rather than trusted.
 */
export async function readMusicCache(file: string, musicFolder: string, musicTypes: readonly string[]): Promise<CacheRead> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'ENOENT' ? 'no cache yet' : `cannot read it (${code ?? 'error'})` };
  }
  let cache: Partial<CacheFile>;
  try {
    cache = JSON.parse(text) as Partial<CacheFile>;
  } catch {
    return { ok: false, reason: 'it is not valid JSON' };
  }
  if (cache === null || typeof cache !== 'object' || cache.version !== 1 || typeof cache.files !== 'object' || cache.files === null) {
    return { ok: false, reason: 'it is not a music cache of this tool' };
  }
  if (cache.musicFolder !== musicFolder) return { ok: false, reason: `it belongs to music folder ${String(cache.musicFolder)}` };
  if (!Array.isArray(cache.musicTypes) || [...cache.musicTypes].sort().join() !== [...musicTypes].sort().join()) {
    return { ok: false, reason: 'it was made for other music types' };
  }
  const files = Object.entries(cache.files).filter((pair): pair is [string, number] => Number.isSafeInteger(pair[1]));
  return { ok: true, index: createMusicIndex(musicFolder, musicTypes, files) };
}

/** Saves the index as JSON, atomically (temporary file, then rename), creating the folder. */
export async function writeMusicCache(file: string, index: MusicIndex): Promise<void> {
  const cache: CacheFile = {
    version: 1,
    musicFolder: index.musicFolder,
    musicTypes: index.musicTypes,
    created: new Date().toISOString(),
    files: Object.fromEntries(index.files),
  };
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(cache)}\n`);
  await rename(temporary, file);
}
