/**
 * The destination of renamefile/copyfile (pcloud-api.md §4.6, §4.7): `topath` (a folder path
 * ending in `/` keeps the name), or `tofolderid` and/or `toname`.
 */
import { ApiFailure, type MethodContext } from '../api/types.js';
import type { TreeView } from '../state/tree-view.js';
import type { FileNode, FolderNode } from '../state/tree-nodes.js';
import { intParam } from '../params/typed-values.js';

/** Where a file goes; `missing` is the code when no destination parameter is given. */
export function fileDestination(ctx: MethodContext, view: TreeView, source: FileNode, missing: number): { folder: FolderNode; name: string } {
  const topath = ctx.params.get('topath');
  if (topath !== undefined) {
    if (topath.endsWith('/')) return { folder: view.folderByPath(topath), name: source.name };
    const { parent, name } = view.resolve(topath);
    if (name === undefined) return { folder: parent, name: source.name };
    return { folder: parent, name };
  }
  const tofolderid = intParam(ctx.params, 'tofolderid');
  const toname = ctx.params.get('toname');
  if (tofolderid === undefined && toname === undefined) throw new ApiFailure(missing);
  const folder = tofolderid !== undefined ? view.folderById(tofolderid) : view.tree.parentOf(source);
  return { folder, name: toname ?? source.name };
}
