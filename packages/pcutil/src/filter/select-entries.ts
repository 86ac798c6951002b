import { childLoc } from '../plan/loc.js';
import type { Entry, FilteredStep, FolderEntry, Loc } from '../plan/types.js';
import type { PathFilter } from './path-filter.js';
import { type FilteredItem, selectTree, type TreeShape } from './select-tree.js';

const ENTRY_SHAPE: TreeShape<Entry> = {
  facts: (entry) =>
    entry.kind === 'file'
      ? {
          name: entry.name,
          kind: 'file',
          ...(entry.size !== undefined ? { size: entry.size } : {}),
          ...(entry.mtime !== undefined ? { mtime: entry.mtime } : {}),
        }
      : { name: entry.name, kind: entry.kind === 'folder' ? 'folder' : 'other' },
  children: (entry) => (entry.kind === 'folder' ? entry.children : undefined),
  withChildren: (entry, children) => ({ ...(entry as FolderEntry), children }),
};

/** A plan tree with only what `filter` takes below `folder` (see select-tree.ts), and what it left out. */
export function selectEntries(folder: FolderEntry, filter: PathFilter): { folder: FolderEntry; filtered: FilteredItem[] } {
  const { root, filtered } = selectTree<Entry>(folder, filter, ENTRY_SHAPE);
  return { folder: root as FolderEntry, filtered };
}

/** Plan steps for what a filter left out below `root`: counted and shown (-v), never touched. */
export function filteredSteps(root: Loc, filtered: readonly FilteredItem[]): FilteredStep[] {
  return filtered.map((item) => ({ op: 'filtered', at: item.names.reduce(childLoc, root), what: item.kind }));
}
