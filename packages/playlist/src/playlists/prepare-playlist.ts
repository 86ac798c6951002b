import { matchTracks, type MatchedTrack } from '../tracks/match-tracks.js';
import { parseLocalPath } from '../tracks/local-path.js';
import { createEntryMapper } from '../tracks/map-entry.js';
import type { MusicIndex } from '../tracks/music-index.js';
import type { PlaylistFile } from './read-playlist-file.js';

/** A playlist ready to be planned: its tracks, what went wrong, and whether it may be written. */
export interface PreparedPlaylist {
  file: PlaylistFile;
  tracks: MatchedTrack[];
  /** Lines that matched nothing or could not be read, as `FILE:LINE: reason`. */
  problems: string[];
  /** Repeated tracks, dropped, as `FILE:LINE: ...`; they never block a playlist. */
  warnings: string[];
  /** Number of playlist lines that did not become tracks. */
  missing: number;
  /** Whether some of those were absolute local paths, which `--prefix` is for. */
  absoluteMissing: boolean;
  /** Why the playlist is not written, or undefined when it is. */
  blocked?: string;
}

/** How entries are matched and whether a playlist with misses is still written. */
export interface PrepareOptions {
  cwd: string;
  prefix?: string | undefined;
  skipMissing: boolean;
}

/**
 * Matches one playlist against the music index and decides whether it is written: by default
 * only when every track was found; with `--skip-missing` whenever at least one was.
 */
export function preparePlaylist(file: PlaylistFile, index: MusicIndex, options: PrepareOptions): PreparedPlaylist {
  const mapEntry = createEntryMapper({ playlistDir: file.folder, prefix: options.prefix, cwd: options.cwd });
  const match = matchTracks(file.entries, mapEntry, index);
  const where = (line: number) => `${file.shownPath}:${line}`;
  const lineProblems = [
    ...file.problems.map((problem) => ({ line: problem.line, text: `${where(problem.line)}: ${problem.message}` })),
    ...match.unmatched.map((miss) => ({ line: miss.line, text: `${where(miss.line)}: ${miss.reason}` })),
  ].sort((a, b) => a.line - b.line);
  const warnings = match.duplicates.map(
    (repeat) =>
      `${where(repeat.line)}: ${repeat.relative} repeats line ${repeat.firstLine}; a playlist holds a file once, so it is listed once`,
  );
  const missing = lineProblems.length;
  const total = match.tracks.length + missing;
  const absoluteMissing = match.unmatched.some((miss) => parseLocalPath(miss.entry).root !== undefined || /^file:/i.test(miss.entry));
  const prepared: PreparedPlaylist = {
    file,
    tracks: match.tracks,
    problems: lineProblems.map((p) => p.text),
    warnings,
    missing,
    absoluteMissing,
  };
  if (match.tracks.length === 0) {
    prepared.blocked = `none of its ${total} track(s) was found`;
  } else if (missing > 0 && !options.skipMissing) {
    prepared.blocked = `${missing} of ${total} track(s) not found (--skip-missing writes the ${match.tracks.length} found)`;
  }
  return prepared;
}
