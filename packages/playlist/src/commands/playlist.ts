import { defineMainCommand } from '@pcloud/core/cli';
import { checkUsage } from '../options/check-usage.js';
import { PLAYLIST_OPTIONS } from '../options/playlist-options.js';
import { musicOptions, syncOptions } from '../options/sync-options.js';
import { formatPlaylistList, listPlaylists } from '../remote/list-playlists.js';
import { loadMusicIndex } from '../remote/load-music-index.js';
import { syncPlaylists } from '../sync/sync-playlists.js';

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
  async handler(ctx) {
    const { args, out } = ctx;
    const mode = checkUsage(args, ctx.json);
    if (mode === 'list') {
      const playlists = await listPlaylists(await ctx.client());
      if (ctx.json) out.json(playlists);
      else for (const line of formatPlaylistList(playlists, out.isVerbose)) out.line(line);
      return 0;
    }
    if (mode === 'cache') {
      const music = musicOptions(args, ctx);
      const { index } = await loadMusicIndex(await ctx.client(), { ...music, refresh: true, readOnly: ctx.dryRun, log: out.verbose });
      out.info(`${ctx.dryRun ? 'would cache' : 'cached'} ${index.files.size} tracks of ${music.musicFolder} in ${args['cache-file']}`);
      return 0;
    }
    return syncPlaylists(() => ctx.client(), syncOptions(args, ctx, ctx.dryRun), {
      out: (line) => out.line(line),
      err: (line) => out.info(line),
      verbose: (line) => out.verbose(line),
    });
  },
});
