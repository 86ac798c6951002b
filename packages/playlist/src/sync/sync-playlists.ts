import { TransportError, type PCloudClient, type ReachabilityState } from '@pcloud/core';
import { listCollections } from '@pcloud/core/internal';
import { describeOutage } from '@pcloud/core/cli';
import { preparePlaylist, type PreparedPlaylist } from '../playlists/prepare-playlist.js';
import { readPlaylists } from '../playlists/read-playlists.js';
import { explainCollectionRefusal } from '../remote/collection-refused.js';
import { loadMusicIndex } from '../remote/load-music-index.js';
import { syncOne } from './sync-one.js';
import type { SyncReporter } from './sync-reporter.js';

/** Says since when and why pCloud is gone, and which playlists were not written; answers the exit status. */
function stopWriting(state: ReachabilityState, left: readonly PreparedPlaylist[], report: SyncReporter): number {
  const names = left.map((playlist) => JSON.stringify(playlist.file.name)).join(', ');
  const outage = state.kind === 'reachable' ? 'pCloud went away' : describeOutage(state);
  report.err(`pcloud-playlist: stopped: ${outage}; ${left.length} playlist(s) not written: ${names}`);
  report.err('hint: run the same command again to write them');
  return 1;
}

/** Everything a run over playlist files needs, already validated. */
export interface SyncPlaylistsOptions {
  files: readonly string[];
  cwd: string;
  dir?: string | undefined;
  prefix?: string | undefined;
  musicFolder: string;
  musicTypes: readonly string[];
  cacheFile?: string | undefined;
  createCache: boolean;
  chunkSize: number;
  skipMissing: boolean;
  dryRun: boolean;
}

/**
 * Turns playlist files into pCloud playlists: reads them all, loads the music index once
 * (`listfolder`, or the cache), reports every problem, then syncs each playlist that may be
 * written against the existing ones (`collection_list`). Problems with one playlist never stop
 * the others; the result is the exit status (0 or 1). A refusal of the collection methods stops
 * the run with a plain-words error, since every playlist would meet it; so does pCloud going
 * away, after saying which playlists were not written.
 */
export async function syncPlaylists(
  getClient: () => Promise<PCloudClient>,
  options: SyncPlaylistsOptions,
  report: SyncReporter,
): Promise<number> {
  const { files, failed } = await readPlaylists(options.files, options, report.err);
  let status = failed ? 1 : 0;
  if (files.length === 0 && !options.createCache) return status;
  const client = await getClient();
  const { index, source } = await loadMusicIndex(client, {
    ...options,
    refresh: options.createCache,
    readOnly: options.dryRun,
    log: report.verbose,
  });
  const prepared = files.map((file) => preparePlaylist(file, index, options));
  const writable: PreparedPlaylist[] = [];
  for (const playlist of prepared) {
    for (const line of playlist.problems) report.err(line);
    for (const line of playlist.warnings) report.err(line);
    if (playlist.blocked === undefined) writable.push(playlist);
    else {
      report.err(`${JSON.stringify(playlist.file.name)}: not written: ${playlist.blocked}`);
      status = 1;
    }
  }
  if (options.prefix === undefined && prepared.some((playlist) => playlist.absoluteMissing)) {
    report.err(
      `without --prefix, absolute paths are looked up whole below ${options.musicFolder}; give --prefix with your local music folder`,
    );
  }
  if (source === 'cache' && prepared.some((playlist) => playlist.missing > 0)) {
    report.err(`tracks were looked up in the cache ${options.cacheFile}; if it is stale, refresh it with --create-cache`);
  }
  if (writable.length === 0) return status;
  try {
    // System playlists (Most Listened…) belong to pCloud: a local one of that name is never merged into them.
    const collections = (await listCollections(client, { type: 1 })).filter((collection) => !collection.system);
    const existing = new Map(collections.map((collection) => [collection.name, collection]));
    const { reachability } = client;
    for (const [index, playlist] of writable.entries()) {
      let written: boolean | 'gone' = 'gone';
      if (reachability.state.kind !== 'unreachable') {
        written = await syncOne(client, playlist, existing.get(playlist.file.name), options, report).catch((error: unknown) => {
          if (error instanceof TransportError && reachability.state.kind === 'unreachable') return 'gone' as const;
          throw error;
        });
      }
      if (written === 'gone') return stopWriting(reachability.state, writable.slice(index), report);
      if (!written) status = 1;
    }
  } catch (error) {
    throw explainCollectionRefusal(error, client) ?? error;
  }
  return status;
}
