/** `deletefile` (pcloud-api.md §4.5): into the trash. */
import type { MethodSpec } from '../api/types.js';
import { fileMetadata } from '../render/metadata-object.js';
import { fileFromParams, viewOf } from '../params/tree-items.js';

/** `deletefile`: the file goes to the trash; its metadata comes back with `isdeleted`. */
export const deletefile: MethodSpec = {
  name: 'deletefile',
  auth: 'required',
  handler(ctx) {
    const view = viewOf(ctx);
    const file = fileFromParams(ctx, view);
    view.tree.trash(file, ctx.state.now());
    return { body: { metadata: fileMetadata(view, file) } };
  },
};
