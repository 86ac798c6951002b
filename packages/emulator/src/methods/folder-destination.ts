/**
 * Destinations of renamefolder and copyfolder (pcloud-api.md §3.4, §3.7): `topath` (ending in
 * `/`: an existing folder, the source keeps its name), or `tofolderid` and/or `toname`.
 */
import { ApiFailure, type MethodContext } from '../api/types.js';
import type { TreeView } from '../state/tree-view.js';
import type { FolderNode } from '../state/tree-nodes.js';
import { intParam } from '../params/typed-values.js';

/** Where renamefolder puts the folder: parent and name (1037 when nothing says). */
export function renameTarget(ctx: MethodContext, view: TreeView, source: FolderNode): { parent: FolderNode; name: string } {
  const topath = ctx.params.get('topath');
  if (topath !== undefined) {
    if (topath.endsWith('/')) return { parent: view.folderByPath(topath), name: source.name };
    const resolved = view.resolve(topath);
    return { parent: resolved.parent, name: resolved.name ?? source.name };
  }
  const tofolderid = intParam(ctx.params, 'tofolderid');
  const toname = ctx.params.get('toname');
  if (tofolderid === undefined && toname === undefined) throw new ApiFailure(1037);
  return { parent: tofolderid !== undefined ? view.folderById(tofolderid) : view.tree.parentOf(source), name: toname ?? source.name };
}

/** The folder copyfolder copies into (2208 when it does not exist, 1016 when not given). */
export function copyTarget(ctx: MethodContext, view: TreeView): FolderNode {
  const tofolderid = intParam(ctx.params, 'tofolderid');
  const topath = ctx.params.get('topath');
  try {
    if (tofolderid !== undefined) return view.folderById(tofolderid);
    if (topath !== undefined) return view.folderByPath(topath);
  } catch (error) {
    if (error instanceof ApiFailure && error.result === 2005) throw new ApiFailure(2208);
    throw error;
  }
  throw new ApiFailure(1016);
}
