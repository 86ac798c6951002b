/**
 * Addressing folders and files by the parameters pCloud's methods take (pcloud-api.md §3, §4),
 * in the caller's scoped view: the folder or file a call acts on (an id, preferred, or a `path`),
 * where a new item goes (`folderid`+`name` or `path`), and where rename and copy put one
 * (`topath`, or `tofolderid` and/or `toname`).
 */
import { ApiFailure } from '../api/api-failure.js';
import type { MethodContext } from '../api/types.js';
import type { TreeView } from '../state/tree-view.js';
import type { FileNode, FolderNode } from '../state/tree-nodes.js';
import { callerOf } from './caller.js';
import { intParam } from './typed-values.js';

/** The caller's scoped view of its tree. */
export function viewOf(ctx: MethodContext): TreeView {
  return ctx.state.view(callerOf(ctx));
}

/** The folder named by `folderid` or `path`; `missing` is the code when neither is given. */
export function folderFromParams(ctx: MethodContext, view: TreeView, missing: number): FolderNode {
  const folderid = intParam(ctx.params, 'folderid');
  if (folderid !== undefined) return view.folderById(folderid);
  const path = ctx.params.get('path');
  if (path !== undefined) return view.folderByPath(path);
  if (ctx.params.has('folderid')) throw new ApiFailure(1017);
  throw new ApiFailure(missing);
}

/** The file named by `fileid` or `path` (1004 when neither is given). */
export function fileFromParams(ctx: MethodContext, view: TreeView): FileNode {
  const fileid = intParam(ctx.params, 'fileid');
  if (fileid !== undefined) return view.fileById(fileid);
  const path = ctx.params.get('path');
  if (path !== undefined) return view.fileByPath(path);
  if (ctx.params.has('fileid')) throw new ApiFailure(1018);
  throw new ApiFailure(1004);
}

/** Where a new item goes: `folderid`+`name`, or a full `path` (parent must exist: 2002). */
export function newItemTarget(ctx: MethodContext, view: TreeView, missing: number): { parent: FolderNode; name: string } {
  const folderid = intParam(ctx.params, 'folderid');
  const name = ctx.params.get('name');
  if (folderid !== undefined && name !== undefined) return { parent: view.folderById(folderid), name };
  const path = ctx.params.get('path');
  if (path !== undefined) {
    const resolved = view.resolve(path);
    if (resolved.name === undefined) throw new ApiFailure(2004);
    return { parent: resolved.parent, name: resolved.name };
  }
  throw new ApiFailure(missing);
}

/** Unix seconds of `mtime`/`ctime` parameters (documented strictly as Unix seconds, §1.7). */
export function timesOf(ctx: MethodContext): { mtime?: number; ctime?: number } {
  const times: { mtime?: number; ctime?: number } = {};
  const mtime = intParam(ctx.params, 'mtime');
  const ctime = intParam(ctx.params, 'ctime');
  if (mtime !== undefined && mtime >= 0) times.mtime = mtime;
  if (ctime !== undefined && ctime >= 0) times.ctime = ctime;
  return times;
}

/** Where renamefile/copyfile put the file (§4.6, §4.7); a `topath` ending in `/` keeps the name; `missing` when nothing says. */
export function fileDestination(
  ctx: MethodContext,
  view: TreeView,
  source: FileNode,
  missing: number,
): { folder: FolderNode; name: string } {
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

/** Where renamefolder puts the folder (§3.4): parent and name; a `topath` ending in `/` is an existing folder (1037 when nothing says). */
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

/** The folder copyfolder copies into (§3.7): 2208 when it does not exist, 1016 when not given. */
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
