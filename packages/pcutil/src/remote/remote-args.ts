import type { RemoteLocation } from '@pcloud/core';
import { oneAccount, parseRootRelativeLocation } from '@pcloud/core/internal';
import type { Loc } from '../plan/types.js';

/** Paths of rm, ls, mkdir, mv and cat: `p:` is optional and a bare path is taken from the pCloud root. */
export interface RemoteArgs {
  locs: Loc[];
  /** The location that picks the account (a `pcloud://…?authid=` carries its own); all must agree (oneAccount). */
  location: RemoteLocation | undefined;
}

/** Parses every path before anything happens, so one malformed path changes nothing at all. */
export function parseRemoteArgs(paths: readonly string[]): RemoteArgs {
  const parsed = paths.map((path) => parseRootRelativeLocation(path));
  return { locs: parsed.map((location) => ({ side: 'remote', path: location.path })), location: oneAccount(parsed) };
}
