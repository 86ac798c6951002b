/**
 * `listfolder` (pcloud-api.md §3.1): one folder or, with `recursive`, the whole sub-tree;
 * `nofiles`, `showdeleted`. pCloud 2026 answers 1101 for a recursive listing of the root and
 * 5000 for very large trees; both are fault switches here.
 */
import { ApiFailure } from '../api/api-failure.js';
import type { MethodSpec } from '../api/types.js';
import type { FileTree } from '../state/file-tree.js';
import { fileMetadata, folderMetadata } from '../render/metadata-object.js';
import type { TreeView } from '../state/tree-view.js';
import type { FileNode, FolderNode } from '../state/tree-nodes.js';
import { flagParam } from '../params/typed-values.js';
import { folderFromParams, viewOf } from '../params/tree-items.js';

interface ListOptions {
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

function contents(view: TreeView, folder: FolderNode, options: ListOptions): Record<string, unknown>[] {
  const { folders, files } = childrenOf(view.tree, folder, options.showdeleted);
  const entries: Record<string, unknown>[] = [];
  // Paths appear on the children of a plain listing, not inside recursive sub-trees (§2.2).
  const path = !options.recursive;
  for (const child of folders) {
    if (--options.budget.left < 0) throw new ApiFailure(5000);
    const meta = folderMetadata(view, child, { path });
    if (options.recursive && !child.deleted) meta.contents = contents(view, child, options);
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

/** `listfolder`: the folder's metadata with `contents`. */
export const listfolder: MethodSpec = {
  name: 'listfolder',
  auth: 'required',
  handler(ctx) {
    const view = viewOf(ctx);
    const folder = folderFromParams(ctx, view, 1002);
    const recursive = flagParam(ctx.params, 'recursive');
    if (recursive && view.isRoot(folder) && ctx.state.faults.rootRecursive1101) throw new ApiFailure(1101);
    const budget = { left: recursive ? ctx.state.faults.maxRecursiveEntries : Number.POSITIVE_INFINITY };
    const metadata = folderMetadata(view, folder, { path: true });
    metadata.contents = contents(view, folder, {
      recursive,
      nofiles: flagParam(ctx.params, 'nofiles'),
      showdeleted: flagParam(ctx.params, 'showdeleted'),
      budget,
    });
    return { body: { metadata } };
  },
};
