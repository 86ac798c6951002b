import { homedir } from 'node:os';
import { sep } from 'node:path';
import { userHome } from './user-home.js';

/** The home folders a leading `~` may name, injected so that tests never depend on the real ones. */
export interface HomeFolders {
  /** The current user's home folder. */
  home: string;
  /** Another user's home folder, for `~name`; undefined when there is no such user. */
  homeOf?: (user: string) => string | undefined;
}

/**
 * The home folders of the environment a tool runs in: `HOME` (`USERPROFILE` on Windows), else
 * the account's own (os.homedir), and other users' from the system's user list.
 */
export function homeFolders(env: Readonly<Record<string, string | undefined>>): HomeFolders {
  return { home: env.HOME || env.USERPROFILE || homedir(), homeOf: userHome };
}

/** Where the `~…` prefix ends: the first separator (`/`, and `\` where the system separates with it). */
function prefixEnd(path: string): number {
  const slash = path.indexOf('/');
  const backslash = sep === '\\' ? path.indexOf('\\') : -1;
  if (slash === -1) return backslash === -1 ? path.length : backslash;
  return backslash === -1 ? slash : Math.min(slash, backslash);
}

/**
 * Expands a leading `~` as a shell does (and Python's expanduser): `~` and `~/…` become the home
 * folder, `~name` and `~name/…` that user's home folder when there is such a user; anything else,
 * `~name` of nobody included, stays as written. Only the prefix changes, so a trailing `/`, `.` or
 * `..` that means something to the caller is kept.
 */
export function expandHome(path: string, folders: HomeFolders): string {
  if (!path.startsWith('~')) return path;
  const end = prefixEnd(path);
  const user = path.slice(1, end);
  const home = user === '' ? folders.home : folders.homeOf?.(user);
  if (home === undefined) return path;
  const rest = path.slice(end);
  // Python's rule: the home without its trailing separators, then the rest (`~/x` is `/x` when home is `/`).
  return rest === '' ? home : home.replace(/[/\\]+$/, '') + rest;
}
