import { TransportError, type PCloudClient } from '@pcloud/core';
import {
  createCollection,
  createRetryBudget,
  deleteCollection,
  isTransientError,
  listCollections,
  sleep,
  type LinkOutcome,
} from '@pcloud/core/internal';

/**
 * Creates a playlist (`collection_create`, its tracks in one chunk) and makes sure a repeat never
 * leaves two. A 4000/5000 answer means nothing was made, and a request that never reached the
 * server is sent again by core (which waits for pCloud while it is away); but after a lost answer
 * (a reset, an idle timeout) the server may have made it, so any playlist of that name is
 * deleted (`collection_list`, `collection_delete`) before the next try. The plan creates only
 * names that no longer exist, so such a playlist can only be the lost one.
 */
export async function createPlaylist(client: PCloudClient, name: string, fileids: readonly number[]): Promise<LinkOutcome> {
  const budget = createRetryBudget(client.retry);
  for (;;) {
    try {
      return await createCollection(client, name, { type: 1, fileIds: fileids, chunkSize: Math.max(1, fileids.length) });
    } catch (error) {
      const delay = isTransientError(error) ? budget.take() : undefined;
      if (delay === undefined) throw error;
      if (error instanceof TransportError) {
        const made = (await listCollections(client, { type: 1 }, { retry: true })).filter(
          (collection) => collection.name === name && !collection.system,
        );
        for (const collection of made) await deleteCollection(client, collection.id, { retry: true });
      }
      await sleep(delay, undefined, 'collection_create');
    }
  }
}
