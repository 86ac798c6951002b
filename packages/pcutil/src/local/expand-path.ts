import { isAbsolute, resolve, sep } from 'node:path';
import { hasTrailingSlash } from '@pcloud/core';
import { expandHome, type HomeFolders } from '@pcloud/core/internal';

/** What local path expansion needs from the process, injected so tests never depend on the real one. */
export interface ExpandEnvironment extends HomeFolders {
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

/** A local path argument, expanded. */
export interface ExpandedPath {
  /** Absolute and normalized: `.` and `..` resolved, no trailing separator (except the root). */
  path: string;
  /** The expanded argument ends in `/` or a last `.` or `..` (core's hasTrailingSlash); resolveTargets says what that means. */
  trailingSlash: boolean;
}

const VARIABLE = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/**
 * Expands a local path the way a shell would before pcutil sees it: a leading `~` or `~name` (core's
 * expandHome), `$VAR` and `${VAR}` their values (unset ones stay as written, as Python's expandvars
 * does), and the result is resolved against the working directory. Only whole `.`/`..` components are special, so `.bashrc` stays a
 * file name.
 */
export function expandLocalPath(input: string, environment: ExpandEnvironment): ExpandedPath {
  const text = expandHome(input, environment).replace(VARIABLE, (whole: string, braced: string | undefined, bare: string | undefined) => {
    const value = environment.env[braced ?? bare ?? ''];
    return value === undefined ? whole : value;
  });
  // Told before resolving, which drops the trailing `/` and the `.`/`..` that carry the rule.
  const trailingSlash = hasTrailingSlash(text);
  const path = isAbsolute(text) ? resolve(text) : resolve(environment.cwd, text);
  return { path: path.length > 1 && path.endsWith(sep) ? path.slice(0, -1) : path, trailingSlash };
}
