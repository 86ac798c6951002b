/**
 * A local path as written in a playlist, from any platform: POSIX (`/home/u/x.mp3`), Windows
 * with a drive (`C:\Music\x.mp3`) or UNC (`\\nas\music\x.mp3`). Backslashes always separate:
 * pCloud refuses `\` in names, so no file we could match has one.
 */
export interface LocalPath {
  /** `''` for POSIX, `C:` for a drive, `//server/share` for UNC; undefined when relative. */
  root: string | undefined;
  segments: string[];
}

/** Parses a local path, keeping `..` segments for the resolver. */
export function parseLocalPath(raw: string): LocalPath {
  const path = raw.replace(/\\/g, '/');
  const unc = /^\/\/([^/]+)\/([^/]+)(.*)$/.exec(path);
  if (unc) return { root: `//${unc[1]}/${unc[2]}`.toLowerCase(), segments: split(unc[3] ?? '') };
  const drive = /^([A-Za-z]):\/?(.*)$/.exec(path);
  if (drive) return { root: `${drive[1]?.toUpperCase()}:`, segments: split(drive[2] ?? '') };
  if (path.startsWith('/')) return { root: '', segments: split(path) };
  return { root: undefined, segments: split(path) };
}

/** Resolves `path` against an absolute `base` (when relative) and removes `.` and `..`. */
export function resolveLocalPath(base: LocalPath, path: LocalPath): LocalPath {
  const root = path.root ?? base.root;
  const segments: string[] = [];
  for (const segment of path.root === undefined ? [...base.segments, ...path.segments] : path.segments) {
    // `..` at the root stays at the root, as every OS does.
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return { root, segments };
}

/**
 * The segments of `path` below `prefix`, or undefined when `path` is not inside it. Whole
 * segments are compared, so `/music` is not a prefix of `/music2/x.mp3`; Windows paths
 * compare case-insensitively, as Windows does.
 */
export function relativeTo(prefix: LocalPath, path: LocalPath): string[] | undefined {
  if (prefix.root !== path.root || prefix.segments.length > path.segments.length) return undefined;
  const fold = prefix.root !== undefined && prefix.root !== '' ? (s: string) => s.toLowerCase() : (s: string) => s;
  for (const [index, segment] of prefix.segments.entries()) {
    if (fold(segment) !== fold(path.segments[index] ?? '')) return undefined;
  }
  return path.segments.slice(prefix.segments.length);
}

/** The path written with `/` separators, for messages. */
export function formatLocalPath(path: LocalPath): string {
  const body = path.segments.join('/');
  if (path.root === undefined) return body;
  return path.root === '' ? `/${body}` : `${path.root}/${body}`;
}

function split(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '' && segment !== '.');
}
