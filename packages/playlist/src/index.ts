/**
 * @pcloud/playlist — turn local .m3u playlists into pCloud playlists. The bin is
 * `pcloud-playlist`; these are the plain functions it is made of, for scripts.
 */
export { decodePlaylist, type DecodedPlaylist, type DecodeProblem } from './m3u/decode-playlist.js';
export { readM3u, MAX_LINE_LENGTH, type M3uContent, type M3uEntry, type M3uLineProblem } from './m3u/read-m3u.js';
export { createEntryMapper, type EntryMapperOptions, type EntryMapping } from './tracks/map-entry.js';
export { createMusicIndex, filesOfListing, lookupTrack, remotePath, type MusicIndex } from './tracks/music-index.js';
export { DEFAULT_MUSIC_TYPES, isMusicFile, parseMusicTypes } from './tracks/music-types.js';
export { matchTracks, type MatchResult } from './tracks/match-tracks.js';
export { readMusicCache, writeMusicCache } from './tracks/music-cache.js';
export { planSync, type SyncPlan, type SyncStep, type SyncAction } from './sync/plan-sync.js';
export { applyPlan } from './sync/apply-plan.js';
export { syncPlaylists, type SyncPlaylistsOptions } from './sync/sync-playlists.js';
export type { SyncReporter } from './sync/sync-reporter.js';
export { listPlaylists, type PlaylistSummary } from './remote/list-playlists.js';
export { loadMusicIndex, type LoadMusicIndexOptions } from './remote/load-music-index.js';
export { readPlaylistFile, playlistName, type PlaylistFile } from './playlists/read-playlist-file.js';
