import { defineMainCommand } from '@pcloud/core/cli';
import { PLAYLIST_OPTIONS } from '../options/playlist-options.js';

/**
 * The tool's one command: write playlist files as pCloud playlists (`collection_*`), their tracks
 * matched against the music folder's listing (`listfolder`); or `--list` the existing ones; or
 * `--create-cache` alone.
 */
export const playlistCommand = defineMainCommand({
  options: PLAYLIST_OPTIONS,
  positionals: { playlists: { describe: 'playlist files (.m3u, .m3u8)', variadic: true, optional: true } },
  dryRun: true,
  json: true,
  examples: [
    ['pcloud-playlist --prefix ~/Music Lists/*.m3u', 'one pCloud playlist per file'],
    ['pcloud-playlist -d --prefix ~/Music Mix.m3u', 'show the plan and the missing tracks'],
    ['pcloud-playlist --cache-file music.json --create-cache', 'list /Music once, keep the index'],
    ['pcloud-playlist --list -v', 'the existing playlists and their track counts'],
  ],
  // Its code, and the client under it, load only when the tool runs: not for --help.
  handler: async (ctx): Promise<number> => (await import('./playlist-handler.js')).runPlaylist(ctx),
});
