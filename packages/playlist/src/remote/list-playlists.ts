import type { PCloudClient } from '@pcloud/core';
import { listCollections } from '@pcloud/core/internal';
import { explainCollectionRefusal } from './collection-refused.js';

/** One existing playlist as `--list` shows it. */
export interface PlaylistSummary {
  name: string;
  id: number;
  tracks: number;
}

/**
 * The account's playlists (`collection_list` with type 1), sorted by name in code-point order
 * as the original's Python `sorted()`; a refusal of OAuth tokens becomes the plain-words error.
 */
export async function listPlaylists(client: PCloudClient): Promise<PlaylistSummary[]> {
  try {
    const collections = await listCollections(client, { type: 1 });
    return collections
      .map((collection) => ({ name: collection.name, id: collection.id, tracks: collection.items }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id));
  } catch (error) {
    throw explainCollectionRefusal(error, client) ?? error;
  }
}

/** The `--list` output lines: names, or `name<TAB>tracks` with `-v`. */
export function formatPlaylistList(playlists: readonly PlaylistSummary[], verbose: boolean): string[] {
  return playlists.map((playlist) =>
    verbose ? `${playlist.name}\t${playlist.tracks} track${playlist.tracks === 1 ? '' : 's'}` : playlist.name,
  );
}
