import { formatLocalPath, parseLocalPath, relativeTo, resolveLocalPath, type LocalPath } from './local-path.js';

/** Where a playlist entry points inside the music folder, or why it cannot be mapped. */
export type EntryMapping = { ok: true; relative: string } | { ok: false; reason: string };

/** How entries of one playlist are mapped. */
export interface EntryMapperOptions {
  /** Absolute local folder of the playlist file: relative entries start from it. */
  playlistDir: string;
  /** Local root of the music tree (`--prefix`), absolute or relative to `cwd`. */
  prefix?: string | undefined;
  /** Folder a relative `--prefix` is taken from. */
  cwd: string;
}

/**
 * Builds the mapper from a playlist entry to its path relative to the music folder. Absolute
 * entries lose `--prefix` as a leading path (without one, the whole path is kept below the
 * music folder, as the original did); relative entries are resolved against the playlist's
 * folder, then taken relative to `--prefix`, or to the playlist's folder when there is none.
 */
export function createEntryMapper(options: EntryMapperOptions): (entry: string) => EntryMapping {
  const cwd = parseLocalPath(options.cwd);
  const playlistDir = resolveLocalPath(cwd, parseLocalPath(options.playlistDir));
  const prefix = options.prefix === undefined || options.prefix === '' ? undefined : resolveLocalPath(cwd, parseLocalPath(options.prefix));
  return (entry) => {
    const local = entryToPath(entry);
    if (!('root' in local)) return local;
    const absolute = local.root !== undefined;
    const resolved = resolveLocalPath(playlistDir, local);
    const base = prefix ?? (absolute ? { root: resolved.root, segments: [] } : playlistDir);
    const relative = relativeTo(base, resolved);
    if (relative === undefined || relative.length === 0) {
      return {
        ok: false,
        reason: prefix
          ? `${formatLocalPath(resolved)} is not under --prefix ${formatLocalPath(prefix)}`
          : `${entry} points outside the playlist's folder (give --prefix)`,
      };
    }
    return { ok: true, relative: relative.join('/') };
  };
}

// URIs become local paths; streams and other schemes cannot be pCloud files.
function entryToPath(entry: string): LocalPath | { ok: false; reason: string } {
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(entry)?.[1]?.toLowerCase();
  if (scheme === undefined) return parseLocalPath(entry);
  if (scheme === 'http' || scheme === 'https') return { ok: false, reason: `${scheme}:// entries (streams) are not supported` };
  if (scheme !== 'file') return { ok: false, reason: `${scheme}:// entries are not supported` };
  const rest = entry.slice('file://'.length);
  const slash = rest.indexOf('/');
  const host = slash === -1 ? rest : rest.slice(0, slash);
  let path: string;
  try {
    path = decodeURIComponent(slash === -1 ? '/' : rest.slice(slash));
  } catch {
    return { ok: false, reason: `malformed file:// URI (bad percent-encoding)` };
  }
  // file:///C:/x carries the drive after the slash; file://nas/share/x is a UNC path.
  if (/^\/[A-Za-z]:(\/|$)/.test(path)) return parseLocalPath(path.slice(1));
  if (host !== '' && host.toLowerCase() !== 'localhost') return parseLocalPath(`//${host}${path}`);
  return parseLocalPath(path);
}
