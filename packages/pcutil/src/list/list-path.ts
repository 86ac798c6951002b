import { isNotFound, listFolder, stat, walkTree, type FolderMetadata, type Metadata, type PCloudClient } from '@pcloud/core';
import type { PathFilter } from '../filter/path-filter.js';
import { selectMetadata } from '../filter/select-metadata.js';
import { listingRows, type ListingRow } from './format-listing.js';

/** One folder of an `ls` answer: its path and its rows. */
export interface ListingSection {
  path: string;
  rows: ListingRow[];
}

/** A folder listed deep enough for -R, or a lone file; undefined when nothing is there. */
export async function describePath(client: PCloudClient, path: string, recursive: boolean): Promise<Metadata | undefined> {
  const ref = path === '/' ? { folderid: 0 } : { path };
  try {
    return recursive ? (await walkTree(client, ref)).root : await listFolder(client, ref);
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  try {
    const found = await stat(client, { path });
    return found.isfolder ? undefined : found;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** Every folder of a walked tree with its own path, parents before children, as `ls -R` shows them. */
function* sections(folder: FolderMetadata, path: string): Generator<ListingSection> {
  const contents = folder.contents ?? [];
  yield { path, rows: listingRows(path, contents) };
  const children = contents.filter((item): item is FolderMetadata => item.isfolder).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const child of children) yield* sections(child, path === '/' ? `/${child.name}` : `${path}/${child.name}`);
}

/**
 * What `ls PATH` shows: the folder (with -R every folder below it, each a section) or the lone
 * file, through `listfolder` (core's walk for -R) and then `stat`; undefined when nothing is there.
 * With a filter, a folder's listing holds what `cp -r` with that filter would copy from it.
 */
export async function listPath(
  client: PCloudClient,
  path: string,
  recursive: boolean,
  filter?: PathFilter,
): Promise<ListingSection[] | undefined> {
  const found = await describePath(client, path, recursive);
  if (found === undefined) return undefined;
  if (!found.isfolder) return [{ path, rows: listingRows(path.slice(0, path.lastIndexOf('/')) || '/', [found]) }];
  return [...sections(filter ? selectMetadata(found, filter).folder : found, path)];
}
