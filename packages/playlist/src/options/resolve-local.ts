import { resolve } from 'node:path';
import { expandHome, homeFolders } from '@pcloud/core';

/**
 * A local path option with a leading `~` expanded. The shell does this on the command line, but
 * not for values saved in the config's `"playlist"` section (`"prefix": "~/Music"`), which must
 * mean the same thing.
 */
export function expandLocal(env: Readonly<Record<string, string | undefined>>, path: string | undefined): string | undefined {
  return path === undefined ? undefined : expandHome(path, homeFolders(env));
}

/** A local path given relative to the command's working directory (not the process's: `run()` may be called in-process with another `cwd`). */
export function resolveLocal(cwd: string, path: string | undefined): string | undefined {
  return path === undefined ? undefined : resolve(cwd, path);
}
