/** Flattening a walked tree into entries with paths relative to its top folder. */
import type { FolderMetadata, Metadata } from '../client/types.js';

/** One item of a tree, with its `/`-separated path below the walked folder (no leading slash). */
export interface TreeEntry {
  path: string;
  item: Metadata;
  /** 1 for the walked folder's direct children. */
  depth: number;
}

/** Yields every file and folder below `root`; a folder always comes before its contents. */
export function* treeEntries(root: FolderMetadata): Generator<TreeEntry> {
  const stack: Array<{ folder: FolderMetadata; prefix: string; depth: number }> = [{ folder: root, prefix: '', depth: 1 }];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const children = top.folder.contents ?? [];
    const later: typeof stack = [];
    for (const item of children) {
      const path = top.prefix + item.name;
      yield { path, item, depth: top.depth };
      if (item.isfolder) later.push({ folder: item, prefix: `${path}/`, depth: top.depth + 1 });
    }
    stack.push(...later.reverse());
  }
}
