import { checkUsage } from '../options/check-usage.js';
import { musicOptions, syncOptions } from '../options/sync-options.js';
import { formatPlaylistList, listPlaylists } from '../remote/list-playlists.js';
import { loadMusicIndex } from '../remote/load-music-index.js';
import { syncPlaylists } from '../sync/sync-playlists.js';
import type { playlistCommand } from './playlist.js';

/** What `pcloud-playlist` runs: write playlists, `--list` the existing ones, or `--create-cache` alone. */
export async function runPlaylist(ctx: Parameters<(typeof playlistCommand)['handler']>[0]): Promise<number> {
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
}
