import { oauthRefused, PCloudError } from '@pcloud/core';
import { createTool, packageVersion, type RunTool } from '@pcloud/core/cli';
import { PLAYLISTS_REFUSED } from './remote/collection-refused.js';
import { loadMusicIndex } from './remote/load-music-index.js';
import { formatPlaylistList, listPlaylists } from './remote/list-playlists.js';
import { syncPlaylists } from './sync/sync-playlists.js';
import { expandLocal, resolveLocal } from './options/resolve-local.js';
import { musicFolderOption, musicTypesOption, PLAYLIST_OPTIONS } from './options/playlist-options.js';

/**
 * `pcloud-playlist`: local .m3u/.m3u8 playlists become pCloud playlists (`collection_*`),
 * their tracks matched against the music folder's listing (`listfolder`).
 */
export const run: RunTool = createTool({
  name: 'pcloud-playlist',
  version: packageVersion('@pcloud/playlist', import.meta.url),
  section: 'playlist',
  description:
    'Turn local .m3u/.m3u8 playlists into pCloud playlists. The local music tree and the pCloud music folder mirror each other: ' +
    'PREFIX/Artist/Album/x.mp3 in a playlist is MUSIC-FOLDER/Artist/Album/x.mp3 on pCloud.',
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
  epilogue:
    `Logins: ${oauthRefused(PLAYLISTS_REFUSED)}; they need a legacy "auth" token. ` +
    'Exit status: 0 when every playlist was written, 1 when a playlist was not (missing tracks, bad file, refused), 2 for usage errors.',
  async handler(ctx) {
    const { args, out } = ctx;
    const files = args.playlists;
    if (ctx.json && !args.list) throw new PCloudError('USAGE_ERROR', '--json goes with --list');
    if (args.list) {
      if (files.length > 0) throw new PCloudError('USAGE_ERROR', '--list prints the existing playlists and takes no playlist files');
      const playlists = await listPlaylists(await ctx.client());
      if (ctx.json) out.json(playlists);
      else for (const line of formatPlaylistList(playlists, out.isVerbose)) out.line(line);
      return 0;
    }
    if (args['create-cache'] && args['cache-file'] === undefined) throw new PCloudError('USAGE_ERROR', '--create-cache needs --cache-file');
    if (files.length === 0 && !args['create-cache']) {
      throw new PCloudError('USAGE_ERROR', 'give playlist files, --list, or --create-cache with --cache-file');
    }
    const musicFolder = musicFolderOption(args['music-folder']);
    const musicTypes = musicTypesOption(args['music-types']);
    const common = { musicFolder, musicTypes, cacheFile: resolveLocal(ctx.cwd, expandLocal(ctx.env, args['cache-file'])) };
    if (files.length === 0) {
      const { index } = await loadMusicIndex(await ctx.client(), { ...common, refresh: true, readOnly: ctx.dryRun, log: out.verbose });
      out.info(`${ctx.dryRun ? 'would cache' : 'cached'} ${index.files.size} tracks of ${musicFolder} in ${args['cache-file']}`);
      return 0;
    }
    return syncPlaylists(
      () => ctx.client(),
      {
        ...common,
        files,
        cwd: ctx.cwd,
        dir: expandLocal(ctx.env, args.dir),
        prefix: expandLocal(ctx.env, args.prefix),
        createCache: args['create-cache'],
        chunkSize: args['chunk-size'],
        skipMissing: args['skip-missing'],
        dryRun: ctx.dryRun,
      },
      { out: (line) => out.line(line), err: (line) => out.info(line), verbose: (line) => out.verbose(line) },
    );
  },
});
