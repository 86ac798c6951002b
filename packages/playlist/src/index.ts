/** @pcloud/playlist — Turn local .m3u playlists into pCloud playlists. */
export {};
