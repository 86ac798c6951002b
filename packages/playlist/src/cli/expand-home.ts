import { join } from 'node:path';

/**
 * Expands a leading `~` or `~/` to the home folder. The shell does this for options on the
 * command line, but not for values saved in the config's `"playlist"` section (`"prefix":
 * "~/Music"`), which must mean the same thing.
 */
export function expandHome(path: string | undefined, env: Readonly<Record<string, string | undefined>>): string | undefined {
  const home = env.HOME || env.USERPROFILE;
  if (path === undefined || home === undefined || !(path === '~' || path.startsWith('~/') || path.startsWith('~\\'))) return path;
  return join(home, path.slice(2));
}
