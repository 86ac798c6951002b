import { resolve } from 'node:path';

/** A local path given relative to the command's working directory (not the process's: `run()` may be called in-process with another `cwd`). */
export function resolveLocal(cwd: string, path: string | undefined): string | undefined {
  return path === undefined ? undefined : resolve(cwd, path);
}
