/** What the playlist methods are refused to an OAuth access token, in core's sentence (help and errors share it). */
export const PLAYLISTS_REFUSED = 'read or change playlists';
