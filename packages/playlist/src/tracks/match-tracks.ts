import type { M3uEntry } from '../m3u/read-m3u.js';
import type { EntryMapping } from './map-entry.js';
import { lookupTrack, remotePath, type MusicIndex } from './music-index.js';
import { isMusicFile } from './music-types.js';

/** A playlist track found on pCloud. */
export interface MatchedTrack {
  line: number;
  relative: string;
  fileid: number;
}

/** A playlist line that matched nothing, and why, in words for the user. */
export interface UnmatchedTrack {
  line: number;
  entry: string;
  reason: string;
}

/** A track listed again; pCloud keeps a file once per playlist, so the repeat is dropped. */
export interface DuplicateTrack {
  line: number;
  firstLine: number;
  relative: string;
}

/** Every track of a playlist sorted into matched, unmatched and repeated. */
export interface MatchResult {
  tracks: MatchedTrack[];
  unmatched: UnmatchedTrack[];
  duplicates: DuplicateTrack[];
}

/**
 * Matches every entry of a playlist against the music index and collects all misses at once
 * (the original stopped at the first), each with its line number and the reason.
 */
export function matchTracks(entries: readonly M3uEntry[], mapEntry: (entry: string) => EntryMapping, index: MusicIndex): MatchResult {
  const result: MatchResult = { tracks: [], unmatched: [], duplicates: [] };
  const seen = new Map<number, number>();
  for (const { line, entry } of entries) {
    const mapping = mapEntry(entry);
    if (!mapping.ok) {
      result.unmatched.push({ line, entry, reason: mapping.reason });
      continue;
    }
    const wanted = remotePath(index.musicFolder, mapping.relative);
    if (!isMusicFile(mapping.relative, index.musicTypes)) {
      result.unmatched.push({ line, entry, reason: `${wanted} is not one of the music types (${index.musicTypes.join(',')})` });
      continue;
    }
    const found = lookupTrack(index, mapping.relative);
    if (!found.found) {
      const reason =
        found.caseVariant === undefined
          ? `${wanted} not found on pCloud`
          : `${wanted} not found; ${remotePath(index.musicFolder, found.caseVariant)} exists (letter case differs)`;
      result.unmatched.push({ line, entry, reason });
      continue;
    }
    const firstLine = seen.get(found.fileid);
    if (firstLine !== undefined) {
      result.duplicates.push({ line, firstLine, relative: mapping.relative });
      continue;
    }
    seen.set(found.fileid, line);
    result.tracks.push({ line, relative: mapping.relative, fileid: found.fileid });
  }
  return result;
}
