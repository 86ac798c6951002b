/**
 * Typed helpers for collections (playlists), thin functions over `client.call`
 * (pcloud-api.md §5). The docs show `collection` as an array where the server sends an
 * object; both shapes are accepted. Since April 2026 pCloud refuses OAuth tokens here (1000).
 */
import { PCloudError } from '../errors.js';
import type { CallOptions, PCloudClient } from '../client/create-client.js';
import type { Collection, LinkResult } from '../client/types.js';

/** Collection type codes: 0 generic (any file), 1 audio (playlists). */
export type CollectionType = 0 | 1;

/** Default and maximum number of file ids sent in one call (more made the server drop the connection). */
export const COLLECTION_CHUNK = { default: 100, max: 300 } as const;

/** The collection inside an answer, whether the server sent an object or a one-element array. */
export function unwrapCollection(value: Collection | Collection[] | undefined, method: string): Collection {
  const collection = Array.isArray(value) ? value[0] : value;
  if (!collection || typeof collection !== 'object') {
    throw new PCloudError('PROTOCOL_ERROR', `${method}: the answer carries no collection.`);
  }
  return collection;
}

/** Splits file ids into chunks of at most `size` (1–300). */
export function chunkFileIds(fileIds: readonly number[], size: number = COLLECTION_CHUNK.default): number[][] {
  if (!Number.isInteger(size) || size < 1 || size > COLLECTION_CHUNK.max) {
    throw new PCloudError('USAGE_ERROR', `Invalid chunk size ${size}: expected 1 to ${COLLECTION_CHUNK.max}.`);
  }
  const chunks: number[][] = [];
  for (let i = 0; i < fileIds.length; i += size) chunks.push(fileIds.slice(i, i + size));
  return chunks;
}

/** Lists the account's collections, optionally of one type (`collection_list`). */
export async function listCollections(
  client: PCloudClient,
  options: { type?: CollectionType } = {},
  call?: CallOptions,
): Promise<Collection[]> {
  const answer = await client.call('collection_list', options.type === undefined ? {} : { type: options.type }, call);
  return answer.collections;
}

/** One collection with its items; all items unless `page` is given (`collection_details`). */
export async function getCollection(
  client: PCloudClient,
  collectionid: number,
  options: { page?: number; pagesize?: number } = {},
  call?: CallOptions,
): Promise<Collection> {
  const answer = await client.call('collection_details', { collectionid, ...options }, call);
  return unwrapCollection(answer.collection, 'collection_details');
}

/** What creating or linking answered: the collection and one entry per requested file id. */
export interface LinkOutcome {
  collection: Collection;
  linkresult: LinkResult[];
}

/**
 * Creates a collection (`collection_create`) with the first chunk of `fileIds`, then links the
 * remaining chunks (`collection_linkfiles`) in order.
 */
export async function createCollection(
  client: PCloudClient,
  name: string,
  options: { type?: CollectionType; fileIds?: readonly number[]; chunkSize?: number } = {},
  call?: CallOptions,
): Promise<LinkOutcome> {
  const [first, ...rest] = chunkFileIds(options.fileIds ?? [], options.chunkSize);
  const answer = await client.call(
    'collection_create',
    { name, type: options.type ?? 1, ...(first ? { fileids: first.join(',') } : {}) },
    call,
  );
  let collection = unwrapCollection(answer.collection, 'collection_create');
  const linkresult = Array.isArray(answer.linkresult) ? [...answer.linkresult] : [];
  for (const chunk of rest) {
    const linked = await linkCollectionFiles(client, collection.id, chunk, call);
    collection = linked.collection;
    linkresult.push(...linked.linkresult);
  }
  return { collection, linkresult };
}

/** Appends files to a collection in the order given (`collection_linkfiles`); one call, at most 300 ids. */
export async function linkCollectionFiles(
  client: PCloudClient,
  collectionid: number,
  fileIds: readonly number[],
  call?: CallOptions,
): Promise<LinkOutcome> {
  if (fileIds.length > COLLECTION_CHUNK.max) {
    throw new PCloudError('USAGE_ERROR', `Too many file ids in one call (${fileIds.length}): at most ${COLLECTION_CHUNK.max}.`);
  }
  const answer = await client.call('collection_linkfiles', { collectionid, fileids: fileIds.join(',') }, call);
  return { collection: unwrapCollection(answer.collection, 'collection_linkfiles'), linkresult: answer.linkresult ?? [] };
}

/** Which items to remove from a collection: by 1-based positions, by file ids, or all. */
export type UnlinkSelection = { positions: readonly number[] } | { fileIds: readonly number[] } | { all: true };

/** Removes items from a collection (`collection_unlinkfiles`). */
export async function unlinkCollectionFiles(
  client: PCloudClient,
  collectionid: number,
  which: UnlinkSelection,
  call?: CallOptions,
): Promise<void> {
  const selection =
    'positions' in which
      ? { positions: which.positions.join(',') }
      : 'fileIds' in which
        ? { fileids: which.fileIds.join(',') }
        : { all: true };
  await client.call('collection_unlinkfiles', { collectionid, ...selection }, call);
}

/** Moves the item at position `item` to position `position` (`collection_move`). */
export async function moveCollectionItem(
  client: PCloudClient,
  collectionid: number,
  item: number,
  position: number,
  call?: CallOptions,
): Promise<void> {
  await client.call('collection_move', { collectionid, item, position }, call);
}

/** Renames a collection (`collection_rename`). */
export async function renameCollection(client: PCloudClient, collectionid: number, name: string, call?: CallOptions): Promise<Collection> {
  const answer = await client.call('collection_rename', { collectionid, name }, call);
  return unwrapCollection(answer.collection, 'collection_rename');
}

/** Deletes a collection (`collection_delete`); the files stay. */
export async function deleteCollection(client: PCloudClient, collectionid: number, call?: CallOptions): Promise<void> {
  await client.call('collection_delete', { collectionid }, call);
}
