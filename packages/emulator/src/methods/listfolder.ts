/**
 * `listfolder` (pcloud-api.md §3.1): one folder or, with `recursive`, the whole sub-tree;
 * `nofiles`, `showdeleted`. pCloud 2026 answers 1101 for a recursive listing of the root and
 * 5000 for very large trees; both are fault switches here.
 */
import { ApiFailure } from '../api/api-failure.js';
import type { MethodSpec } from '../api/types.js';
import { folderMetadata } from '../render/metadata-object.js';
import { folderContents } from '../render/folder-contents.js';
import { flagParam } from '../params/typed-values.js';
import { folderFromParams, viewOf } from '../params/tree-items.js';

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
    metadata.contents = folderContents(view, folder, {
      recursive,
      nofiles: flagParam(ctx.params, 'nofiles'),
      showdeleted: flagParam(ctx.params, 'showdeleted'),
      budget,
    });
    return { body: { metadata } };
  },
};
