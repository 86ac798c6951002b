/** `deletefolder` and `deletefolderrecursive` (pcloud-api.md §3.5, §3.6): into the trash. */
import { ApiFailure } from '../api/api-failure.js';
import type { MethodSpec } from '../api/types.js';
import type { FileTree } from '../state/file-tree.js';
import { folderMetadata } from '../render/metadata-object.js';
import type { FolderNode } from '../state/tree-nodes.js';
import { folderFromParams, viewOf } from '../params/tree-items.js';

function countBelow(tree: FileTree, folder: FolderNode): { files: number; folders: number } {
  let files = folder.files.size;
  let folders = 0;
  for (const id of folder.folders.values()) {
    const sub = countBelow(tree, tree.folders.get(id)!);
    files += sub.files;
    folders += 1 + sub.folders;
  }
  return { files, folders };
}

/** `deletefolder`: empty folders only (2006), never the root (2007). */
export const deletefolder: MethodSpec = {
  name: 'deletefolder',
  auth: 'required',
  handler(ctx) {
    const view = viewOf(ctx);
    const folder = folderFromParams(ctx, view, 1002);
    if (view.isRoot(folder)) throw new ApiFailure(2007);
    if (folder.folders.size > 0 || folder.files.size > 0) throw new ApiFailure(2006);
    const path = view.pathOf(folder);
    view.tree.trash(folder, ctx.state.now());
    return { body: { metadata: { ...folderMetadata(view, folder), path } } };
  },
};

/** `deletefolderrecursive`: the counts include the folder itself (spec §12 item 14). */
export const deletefolderrecursive: MethodSpec = {
  name: 'deletefolderrecursive',
  auth: 'required',
  handler(ctx) {
    const view = viewOf(ctx);
    const folder = folderFromParams(ctx, view, 1002);
    if (view.isRoot(folder)) throw new ApiFailure(2007);
    const counts = countBelow(view.tree, folder);
    view.tree.trash(folder, ctx.state.now());
    return { body: { deletedfiles: counts.files, deletedfolders: counts.folders + 1 } };
  },
};
