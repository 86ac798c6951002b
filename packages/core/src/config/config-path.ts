import { isAbsolute, join, resolve } from 'node:path';
import { expandHome, homeFolders } from '../local/expand-home.js';

/** Where to look for the config file. */
export interface ConfigPathOptions {
  /** `-f/--config-file` from the command line, wins over everything. */
  explicit?: string | undefined;
  /** Environment: `PCLOUD_CONFIG`, `XDG_CONFIG_HOME` and `HOME` are read from it. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Relative paths are taken from here (default: the process's cwd). */
  cwd?: string;
}

/** The config file's name inside the config directory, as the original tools. */
export const CONFIG_FILE_NAME = 'pcloud.json';

/**
 * The config file to use: `-f`, else `PCLOUD_CONFIG`, else `$XDG_CONFIG_HOME/pcloud.json`, else
 * `~/.config/pcloud.json`. A relative `XDG_CONFIG_HOME` is ignored, as the XDG spec asks.
 */
export function resolveConfigPath(options: ConfigPathOptions = {}): string {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const chosen = options.explicit || env.PCLOUD_CONFIG;
  if (chosen) return resolve(cwd, expandHome(chosen, homeFolders(env)));
  const xdg = env.XDG_CONFIG_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(homeFolders(env).home, '.config');
  return join(base, CONFIG_FILE_NAME);
}
