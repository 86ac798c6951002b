/**
 * Addressing folders and files by the parameters pCloud's methods take (pcloud-api.md §3, §4):
 * an id (preferred) or a `path`, resolved in the caller's scoped view.
 */
import { ApiFailure, type Caller, type MethodContext } from '../api/types.js';
import type { TreeView } from '../state/tree-view.js';
import type { FileNode, FolderNode } from '../state/tree-nodes.js';
import { intParam } from './typed-values.js';

/** The authenticated caller (the dispatcher guarantees one for `auth: 'required'` methods). */
export function callerOf(ctx: MethodContext): Caller {
  if (!ctx.caller) throw new ApiFailure(1000);
  return ctx.caller;
}

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

/** Where a created or moved item goes: `folderid`+`name`, or a full `path` (parent must exist: 2002). */
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
