/**
 * The `contents` of a folder listing (pcloud-api.md §3.1), shared by listfolder and showpublink:
 * folders then files, each sorted by name, optionally recursive, within an entry budget past
 * which the listing is refused with 5000 as pCloud refuses very large trees.
 */
import { ApiFailure } from '../api/api-failure.js';
import type { FileTree } from '../state/file-tree.js';
import type { TreeView } from '../state/tree-view.js';
import type { FileNode, FolderNode } from '../state/tree-nodes.js';
import { fileMetadata, folderMetadata } from './metadata-object.js';

/** How to list. */
export interface ListOptions {
  recursive: boolean;
  nofiles: boolean;
  showdeleted: boolean;
  /** Entries still allowed before the listing is refused with 5000. */
  budget: { left: number };
}

const byName = (a: { name: string }, b: { name: string }): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

function childrenOf(tree: FileTree, folder: FolderNode, showdeleted: boolean): { folders: FolderNode[]; files: FileNode[] } {
  const folders = [...folder.folders.values()].map((id) => tree.folders.get(id)!);
  const files = [...folder.files.values()].map((id) => tree.files.get(id)!);
  if (showdeleted) {
    for (const id of folder.deletedFolders) folders.push(tree.folders.get(id)!);
    for (const id of folder.deletedFiles) files.push(tree.files.get(id)!);
  }
  return { folders: folders.sort(byName), files: files.sort(byName) };
}

/** The metadata of a folder's children (and, recursively, theirs). */
export function folderContents(view: TreeView, folder: FolderNode, options: ListOptions): Record<string, unknown>[] {
  const { folders, files } = childrenOf(view.tree, folder, options.showdeleted);
  const entries: Record<string, unknown>[] = [];
  // Paths appear on the children of a plain listing, not inside recursive sub-trees (§2.2).
  const path = !options.recursive;
  for (const child of folders) {
    if (--options.budget.left < 0) throw new ApiFailure(5000);
    const meta = folderMetadata(view, child, { path });
    if (options.recursive && !child.deleted) meta.contents = folderContents(view, child, options);
    entries.push(meta);
  }
  if (!options.nofiles) {
    for (const file of files) {
      if (--options.budget.left < 0) throw new ApiFailure(5000);
      entries.push(fileMetadata(view, file, { path }));
    }
  }
  return entries;
}
