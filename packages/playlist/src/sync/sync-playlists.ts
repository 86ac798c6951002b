import { getCollection, listCollections, type PCloudClient } from '@pcloud/core';
import { preparePlaylist, type PreparedPlaylist } from '../playlists/prepare-playlist.js';
import { readPlaylistFile, type PlaylistFile } from '../playlists/read-playlist-file.js';
import { explainCollectionRefusal } from '../remote/collection-refused.js';
import { loadMusicIndex } from '../remote/load-music-index.js';
import { applyPlan } from './apply-plan.js';
import { describePlan } from './describe-plan.js';
import { planSync } from './plan-sync.js';
import { remotePath } from '../tracks/music-index.js';

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

/** Where the run reports: results, problems, and `-v` detail. */
export interface SyncReporter {
  out(line: string): void;
  err(line: string): void;
  verbose(line: string): void;
}

/**
 * Turns playlist files into pCloud playlists: reads them all, loads the music index once
 * (`listfolder`, or the cache), reports every problem, then plans each playlist against the
 * existing ones (`collection_list`, `collection_details`) and, unless dry-run, applies it. Problems with
 * one playlist never stop the others; the result is the exit status (0 or 1). A refusal of
 * the collection methods stops the run with a plain-words error, since every playlist would
 * meet it.
 */
export async function syncPlaylists(getClient: () => Promise<PCloudClient>, options: SyncPlaylistsOptions, report: SyncReporter): Promise<number> {
  let status = 0;
  const files: PlaylistFile[] = [];
  for (const file of options.files) {
    const read = await readPlaylistFile(file, options);
    const sameName = 'entries' in read ? files.find((other) => other.name === read.name) : undefined;
    if (!('entries' in read)) report.err(`${read.shownPath}: ${read.message}`);
    else if (sameName) report.err(`${read.shownPath}: skipped: ${sameName.shownPath} already makes the playlist ${JSON.stringify(read.name)}`);
    else files.push(read);
    if (!('entries' in read) || sameName) status = 1;
  }
  if (files.length === 0 && !options.createCache) return status;
  const client = await getClient();
  const { index, source } = await loadMusicIndex(client, { ...options, refresh: options.createCache, readOnly: options.dryRun, log: report.verbose });
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
  if (source === 'cache' && prepared.some((playlist) => playlist.missing > 0)) {
    report.err(`tracks were looked up in the cache ${options.cacheFile}; if it is stale, refresh it with --create-cache`);
  }
  if (writable.length === 0) return status;
  try {
    // System playlists (Most Listened…) belong to pCloud: a local one of that name is never merged into them.
    const collections = (await listCollections(client, { type: 1 })).filter((collection) => !collection.system);
    const existing = new Map(collections.map((collection) => [collection.name, collection]));
    for (const playlist of writable) {
      if (!(await syncOne(client, playlist, existing.get(playlist.file.name), options, report))) status = 1;
    }
  } catch (error) {
    throw explainCollectionRefusal(error, client) ?? error;
  }
  return status;
}

// Plans and applies one playlist; a failure is reported and the run goes on, except a refusal.
async function syncOne(
  client: PCloudClient,
  playlist: PreparedPlaylist,
  current: { id: number; items: number } | undefined,
  options: SyncPlaylistsOptions,
  report: SyncReporter,
): Promise<boolean> {
  const { name } = playlist.file;
  try {
    const existing = current && {
      collectionid: current.id,
      fileids: current.items === 0 ? [] : ((await getCollection(client, current.id)).contents ?? []).map((file) => file.fileid),
    };
    const plan = planSync({ name, fileids: playlist.tracks.map((track) => track.fileid), existing, chunkSize: options.chunkSize });
    if (options.dryRun) {
      report.out(describePlan(plan, false));
      return true;
    }
    const { refused } = await applyPlan(client, plan, (done, total, step) => report.verbose(`${JSON.stringify(name)}: ${step} (${done}/${total})`));
    report.out(describePlan({ ...plan, trackCount: plan.trackCount - refused.length }, true));
    for (const file of refused) {
      const track = playlist.tracks.find((candidate) => candidate.fileid === file.fileid);
      const where = track ? `${playlist.file.shownPath}:${track.line}: ${remotePath(options.musicFolder, track.relative)}` : `file ${file.fileid}`;
      report.err(`${where}: pCloud did not add it (${file.message || 'refused'}, ${file.result})${file.result === 2009 ? '; refresh the cache with --create-cache' : ''}`);
    }
    return refused.length === 0 || options.skipMissing;
  } catch (error) {
    if (explainCollectionRefusal(error, client)) throw error;
    report.err(`${JSON.stringify(name)}: not written: ${(error as Error).message}`);
    return false;
  }
}
