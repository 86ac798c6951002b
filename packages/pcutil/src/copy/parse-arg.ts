import { isRemoteSpec, parseLocation, type RemoteLocation } from '@pcloud/core';
import { expandLocalPath, type ExpandEnvironment } from '../local/expand-path.js';
import type { Loc } from '../plan/types.js';

/** A command-line path argument, understood. */
export interface ParsedArg {
  arg: string;
  loc: Loc;
  /** Ends in `/` or a last `.` or `..` (core's hasTrailingSlash); resolveTargets decides what that means. */
  trailingSlash: boolean;
  /** The parsed pCloud location (endpoint and token of a `pcloud://…?authid=` form). */
  remote: RemoteLocation | undefined;
}

/**
 * Reads a SOURCE or DEST argument: `-` is standard input/output, `p:/…` and `pcloud://…` are pCloud
 * locations (parsed by core, which refuses malformed ones and names pCloud would not accept), and
 * anything else is a local path expanded like a shell would.
 */
export function parseArg(arg: string, environment: ExpandEnvironment): ParsedArg {
  if (arg === '-') return { arg, loc: { side: 'stdio', path: '-' }, trailingSlash: false, remote: undefined };
  if (isRemoteSpec(arg)) {
    const remote = parseLocation(arg);
    return { arg: remote.display, loc: { side: 'remote', path: remote.path }, trailingSlash: remote.trailingSlash, remote };
  }
  const local = expandLocalPath(arg, environment);
  return { arg, loc: { side: 'local', path: local.path }, trailingSlash: local.trailingSlash, remote: undefined };
}
