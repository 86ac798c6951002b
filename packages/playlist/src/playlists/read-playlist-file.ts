import { basename, dirname, extname, isAbsolute, resolve } from 'node:path';
import { decodePlaylist } from '../m3u/decode-playlist.js';
import { readM3u, type M3uEntry, type M3uLineProblem } from '../m3u/read-m3u.js';
import { readRegularFile } from './read-regular-file.js';

/** A playlist file read and split into tracks. */
export interface PlaylistFile {
  /** The path as the user gave it, for messages. */
  shownPath: string;
  /** Absolute folder of the file: relative entries start there. */
  folder: string;
  /** The pCloud playlist name: the file name without folder and extension. */
  name: string;
  entries: M3uEntry[];
  problems: M3uLineProblem[];
}

/** A playlist file that could not be used at all, with the one-line reason. */
export interface PlaylistFileError {
  shownPath: string;
  message: string;
}

/** Biggest playlist file read: a 50 MiB playlist is not one. */
const MAX_PLAYLIST_BYTES = 50 * 1024 * 1024;

/** The pCloud playlist name of a file: without folder and extension, as the original. */
export function playlistName(file: string): string {
  const name = basename(file.replace(/\\/g, '/'));
  const extension = extname(name);
  return extension === '' || extension === name ? name : name.slice(0, -extension.length);
}

/**
 * Reads one playlist. A relative name is looked up in `dir` (the `--dir` option), otherwise in
 * the working folder. Missing files, folders, special files (FIFOs, devices), files over the size
 * limit, binary content and playlists without any track come back as a {@link PlaylistFileError}
 * so the other playlists of the run go on.
 */
export async function readPlaylistFile(
  file: string,
  options: { cwd: string; dir?: string | undefined },
): Promise<PlaylistFile | PlaylistFileError> {
  const base = options.dir === undefined ? options.cwd : resolve(options.cwd, options.dir);
  const path = isAbsolute(file) ? file : resolve(base, file);
  const fail = (message: string): PlaylistFileError => ({ shownPath: file, message });
  let bytes: Buffer;
  try {
    const read = await readRegularFile(path, MAX_PLAYLIST_BYTES);
    if (!read.ok && read.problem === 'folder') return fail('is a folder, not a playlist file');
    if (!read.ok && read.problem === 'special') return fail('is not a regular file (a FIFO, device or socket), not a playlist file');
    if (!read.ok) return fail(`is too big for a playlist (over ${MAX_PLAYLIST_BYTES} bytes)`);
    bytes = read.bytes;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return fail('no such file');
    if (code === 'EACCES' || code === 'EPERM') return fail('permission denied');
    return fail(`cannot be read (${code ?? String(error)})`);
  }
  const decoded = decodePlaylist(bytes, path);
  if (!decoded.ok) {
    return fail(decoded.problem === 'binary' ? 'not a text playlist (binary content)' : 'not valid UTF-8 (a .m3u8 file must be UTF-8)');
  }
  const { entries, problems } = readM3u(decoded.text);
  if (entries.length === 0 && problems.length === 0) return fail('no tracks in it (empty playlist)');
  return { shownPath: file, folder: dirname(path), name: playlistName(path), entries, problems };
}
