import { createTool, oauthRefused, packageVersion } from '@pcloud/core/cli';
import { playlistCommand } from './commands/playlist.js';
import { PLAYLISTS_REFUSED } from './remote/playlists-refused.js';

/** `pcloud-playlist`'s entry point, `run(argv, io)`: never exits the process, answers the exit code. */
export const run = createTool({
  ...playlistCommand,
  name: 'pcloud-playlist',
  version: packageVersion('@pcloud/playlist', import.meta.url),
  section: 'playlist',
  description:
    'Turn local .m3u/.m3u8 playlists into pCloud playlists. The local music tree and the pCloud music folder mirror each other: ' +
    'PREFIX/Artist/Album/x.mp3 in a playlist is MUSIC-FOLDER/Artist/Album/x.mp3 on pCloud.',
  epilogue:
    `Logins: ${oauthRefused(PLAYLISTS_REFUSED)}; they need a legacy "auth" token. ` +
    'Exit status: 0 when every playlist was written, 1 when a playlist was not (missing tracks, bad file, refused), 2 for usage errors.',
});
