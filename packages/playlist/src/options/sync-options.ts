import { resolve } from 'node:path';
import { expandHome, homeFolders } from '@pcloud/core/internal';
import type { SyncPlaylistsOptions } from '../sync/sync-playlists.js';
import { musicFolderOption, musicTypesOption } from './option-values.js';
import type { PlaylistArgs } from './playlist-options.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Where a run's local paths are read from: `run()` may be called in-process with another `cwd` than the process's. */
export interface LocalPlace {
  cwd: string;
  env: Env;
}

/**
 * A local path option with a leading `~` expanded. The shell does this on the command line, but
 * not for values saved in the config's `"playlist"` section (`"prefix": "~/Music"`), which must
 * mean the same thing.
 */
function expandLocal(env: Env, path: string | undefined): string | undefined {
  return path === undefined ? undefined : expandHome(path, homeFolders(env));
}

/** The music folder, its types and the cache file, checked: what listing or caching the music needs. */
export function musicOptions(
  args: PlaylistArgs,
  place: LocalPlace,
): Pick<SyncPlaylistsOptions, 'musicFolder' | 'musicTypes' | 'cacheFile'> {
  const cacheFile = expandLocal(place.env, args['cache-file']);
  return {
    musicFolder: musicFolderOption(args['music-folder']),
    musicTypes: musicTypesOption(args['music-types']),
    cacheFile: cacheFile === undefined ? undefined : resolve(place.cwd, cacheFile),
  };
}

/** Everything a run over playlist files needs, from the arguments. */
export function syncOptions(
  args: PlaylistArgs & { playlists: readonly string[] },
  place: LocalPlace,
  dryRun: boolean,
): SyncPlaylistsOptions {
  return {
    ...musicOptions(args, place),
    files: args.playlists,
    cwd: place.cwd,
    dir: expandLocal(place.env, args.dir),
    prefix: expandLocal(place.env, args.prefix),
    createCache: args['create-cache'],
    chunkSize: args['chunk-size'],
    skipMissing: args['skip-missing'],
    dryRun,
  };
}
