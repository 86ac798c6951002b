/** `stat` (pcloud-api.md §4.4): files and folders, by path or id; 2055 for anything missing. */
import { ApiFailure } from '../api/api-failure.js';
import type { MethodSpec } from '../api/types.js';
import { nodeMetadata } from '../render/metadata-object.js';
import type { TreeView } from '../state/tree-view.js';
import type { FileNode, FolderNode } from '../state/tree-nodes.js';
import { intParam } from '../params/typed-values.js';
import { viewOf } from '../params/tree-items.js';

function byPath(view: TreeView, path: string): FolderNode | FileNode | undefined {
  const { parent, name } = view.resolve(path);
  if (name === undefined) return parent;
  // A folder and a file may share a name; a trailing slash can only mean the folder.
  const folder = view.tree.childFolder(parent, name);
  if (folder || path.endsWith('/')) return folder;
  return view.tree.childFile(parent, name);
}

function lookup(view: TreeView, params: Parameters<MethodSpec['handler']>[0]['params']): FolderNode | FileNode | undefined {
  const fileid = intParam(params, 'fileid');
  if (fileid !== undefined) return view.fileById(fileid);
  const folderid = intParam(params, 'folderid');
  if (folderid !== undefined) return view.folderById(folderid);
  const path = params.get('path');
  if (path !== undefined) return byPath(view, path);
  throw new ApiFailure(1004);
}

/** `stat`: `{metadata}` of a file or a folder. */
export const stat: MethodSpec = {
  name: 'stat',
  auth: 'required',
  handler(ctx) {
    const view = viewOf(ctx);
    let node: FolderNode | FileNode | undefined;
    try {
      node = lookup(view, ctx.params);
    } catch (error) {
      if (error instanceof ApiFailure && [2002, 2005, 2009].includes(error.result)) throw new ApiFailure(2055);
      throw error;
    }
    if (!node) throw new ApiFailure(2055);
    return { body: { metadata: nodeMetadata(view, node, { path: true }) } };
  },
};
