import { parsePCloudDate, type FolderMetadata, type Metadata } from '@pcloud/core';
import type { PathFilter } from './path-filter.js';
import { type FilteredItem, selectTree, type TreeShape } from './select-tree.js';

const METADATA_SHAPE: TreeShape<Metadata> = {
  facts: (item) => {
    if (item.isfolder) return { name: item.name, kind: 'folder' };
    const mtime = parsePCloudDate(item.modified);
    return { name: item.name, kind: 'file', size: item.size, ...(mtime !== undefined ? { mtime } : {}) };
  },
  children: (item) => (item.isfolder ? item.contents : undefined),
  withChildren: (item, children) => ({ ...(item as FolderMetadata), contents: children }),
};

/** A listed pCloud folder with only what `filter` takes below it (see select-tree.ts), and what it left out. */
export function selectMetadata(folder: FolderMetadata, filter: PathFilter): { folder: FolderMetadata; filtered: FilteredItem[] } {
  const { root, filtered } = selectTree<Metadata>(folder, filter, METADATA_SHAPE);
  return { folder: root as FolderMetadata, filtered };
}
