import { isNotFound, PCloudError, walkTree, type PCloudClient } from '@pcloud/core';
import { readMusicCache, writeMusicCache } from '../tracks/music-cache.js';
import { createMusicIndex, filesOfListing, type MusicIndex } from '../tracks/music-index.js';

/** Where the music index comes from and where it goes. */
export interface LoadMusicIndexOptions {
  musicFolder: string;
  musicTypes: readonly string[];
  /** JSON cache file (`--cache-file`); without one the folder is always listed. */
  cacheFile?: string | undefined;
  /** Ignore the cache and list again (`--create-cache`); the cache is then rewritten. */
  refresh?: boolean;
  /** Leave the cache file as it is even after a listing (a dry run writes nothing). */
  readOnly?: boolean;
  /** Reports what happened, for `-v`. */
  log?: (line: string) => void;
}

/** The index and how it was obtained. */
export interface LoadedMusicIndex {
  index: MusicIndex;
  source: 'cache' | 'listing';
  /** `listfolder` calls made: 0 from the cache, 1 when the recursive listing was allowed. */
  listingCalls: number;
}

/**
 * Loads the music index: from the cache when it belongs to this music folder and types,
 * otherwise by listing the music folder (`listfolder`: recursively in one call where the server
 * allows it, folder by folder otherwise, through core's walk), then saving the cache.
 */
export async function loadMusicIndex(client: PCloudClient, options: LoadMusicIndexOptions): Promise<LoadedMusicIndex> {
  const { musicFolder, musicTypes, cacheFile, log = () => {} } = options;
  if (cacheFile !== undefined && !options.refresh) {
    const cached = await readMusicCache(cacheFile, musicFolder, musicTypes);
    if (cached.ok) {
      log(`music index: ${cached.index.files.size} tracks from cache ${cacheFile}`);
      return { index: cached.index, source: 'cache', listingCalls: 0 };
    }
    log(`music index: cache ${cacheFile} not used: ${cached.reason}`);
  }
  const walked = await walkTree(client, { path: musicFolder }).catch((error: unknown) => {
    // listfolder's own "Directory does not exist." would not say which folder was meant.
    if (!isNotFound(error)) throw error;
    throw new PCloudError('NOT_FOUND', `music folder ${musicFolder} does not exist on pCloud`, {
      hint: 'name the pCloud folder that mirrors your music tree with --music-folder (default /Music)',
      cause: error,
    });
  });
  const index = createMusicIndex(musicFolder, musicTypes, filesOfListing(walked.root));
  log(`music index: ${index.files.size} tracks listed in ${musicFolder} (${walked.calls} listfolder call(s))`);
  if (cacheFile !== undefined && options.readOnly) log(`music index: dry run, ${cacheFile} left as it is`);
  else if (cacheFile !== undefined) {
    await writeMusicCache(cacheFile, index);
    log(`music index: saved to ${cacheFile}`);
  }
  return { index, source: 'listing', listingCalls: walked.calls };
}
