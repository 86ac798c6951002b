import { Buffer } from 'node:buffer';
import { PCloudError } from '../errors.js';
import { elide } from './elide.js';
import { hasTrailingSlash } from './trailing-slash.js';

/** pCloud refuses names of 1024 UTF-8 bytes or more (pcloud-api.md §1.6). */
export const MAX_NAME_BYTES = 1023;

/** An absolute pCloud path after normalisation. */
export interface NormalizedPath {
  /** Absolute, `/`-separated, no empty, `.` or `..` segments, no trailing slash except the root `/`. */
  path: string;
  /** The spec ended in `/` or a last `.` or `..` (see {@link hasTrailingSlash}), or named the root. */
  trailingSlash: boolean;
}

/**
 * Reasons pCloud would refuse a single name, or undefined when it is acceptable
 * (at most 1023 UTF-8 bytes, no `/`, `\` or NUL; pcloud-api.md §1.6).
 */
export function remoteNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'an empty name';
  if (name.includes('\0')) return 'a NUL character in a name';
  if (name.includes('\\')) return `a backslash in the name "${name}"`;
  if (name.includes('/')) return `a slash inside the name "${name}"`;
  const bytes = Buffer.byteLength(name, 'utf8');
  if (bytes > MAX_NAME_BYTES)
    return `a name of ${bytes} bytes (pCloud allows at most ${MAX_NAME_BYTES} UTF-8 bytes): "${name.slice(0, 40)}…"`;
  return undefined;
}

/**
 * Normalises already-split path segments into an absolute path: empty and `.` segments go,
 * `..` climbs one level but may never leave the root, and every name is checked as pCloud would.
 * `spec` is the user's text as it may be shown (never holding a token), for the error message.
 */
export function normalizeSegments(segments: readonly string[], trailingSlash: boolean, spec: string): NormalizedPath {
  const out: string[] = [];
  for (const segment of segments) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length === 0) {
        throw new PCloudError('INVALID_LOCATION', `invalid location ${elide(spec)}: ".." would leave the pCloud root`);
      }
      out.pop();
      continue;
    }
    const problem = remoteNameProblem(segment);
    if (problem !== undefined) throw new PCloudError('INVALID_NAME', `invalid location ${elide(spec)}: ${problem}`);
    out.push(segment);
  }
  return { path: `/${out.join('/')}`, trailingSlash: trailingSlash || out.length === 0 };
}

/**
 * Normalises a `/`-separated absolute or root-relative path (`//` collapsed, `.`/`..` resolved,
 * names checked). Relative input is taken from the pCloud root, as `pcutil rm` does.
 */
export function normalizeRemotePath(raw: string, spec: string = raw): NormalizedPath {
  return normalizeSegments(raw.split('/'), hasTrailingSlash(raw), spec);
}

/** Joins a normalised folder path and a child name (`/` + `a` → `/a`, `/x` + `a` → `/x/a`). */
export function joinRemotePath(folder: string, name: string): string {
  return folder === '/' ? `/${name}` : `${folder}/${name}`;
}

/** The parent folder of a normalised path (`/a/b` → `/a`, `/a` → `/`, `/` → `/`). */
export function remoteDirname(path: string): string {
  const index = path.lastIndexOf('/');
  return index <= 0 ? '/' : path.slice(0, index);
}

/** The last name of a normalised path (`/a/b` → `b`; the root has the empty name). */
export function remoteBasename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * Where a path seen by a private-folder app is in the user's account: the app's root is its
 * folder (`/Applications/<AppName>`), so `/Backup` is `/Applications/<AppName>/Backup`.
 */
export function accountPath(appPath: string, appFolder: string | undefined): string {
  if (!appFolder) return appPath;
  const base = appFolder.replace(/\/+$/, '') || '/';
  return appPath === '/' ? base : `${base === '/' ? '' : base}${appPath}`;
}
