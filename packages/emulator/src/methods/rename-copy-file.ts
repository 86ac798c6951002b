/** `renamefile` and `copyfile` (pcloud-api.md §4.6, §4.7). */
import type { MethodSpec } from '../api/types.js';
import { fileMetadata } from '../render/metadata-object.js';
import { assertValidName } from '../state/names.js';
import { putFile } from '../state/put-file.js';
import { flagParam } from '../params/typed-values.js';
import { fileDestination, fileFromParams, timesOf, viewOf } from '../params/tree-items.js';

/** `renamefile`: move and/or rename; a file at the destination is replaced (`deletedfileid`). */
export const renamefile: MethodSpec = {
  name: 'renamefile',
  auth: 'required',
  handler(ctx) {
    const view = viewOf(ctx);
    const file = fileFromParams(ctx, view);
    const { folder, name } = fileDestination(ctx, view, file, 1037);
    assertValidName(name);
    const now = ctx.state.now();
    const existing = view.tree.childFile(folder, name);
    let deletedfileid: number | undefined;
    if (existing && existing.id !== file.id) {
      view.tree.trash(existing, now);
      deletedfileid = existing.id;
    }
    view.tree.relocate(file, folder, name, now);
    const metadata = fileMetadata(view, file, { path: true });
    if (deletedfileid !== undefined) metadata.deletedfileid = deletedfileid;
    return { body: { metadata } };
  },
};

/** `copyfile`: an independent copy (content shared until overwritten); `noover` refuses with 2004. */
export const copyfile: MethodSpec = {
  name: 'copyfile',
  auth: 'required',
  handler(ctx) {
    const view = viewOf(ctx);
    const file = fileFromParams(ctx, view);
    const { folder, name } = fileDestination(ctx, view, file, 1016);
    const blob = { id: file.blob, size: file.size, sha1: file.sha1, md5: file.md5, sha256: file.sha256, hash: file.hash };
    const copy = putFile(view.tree, folder, name, blob, {
      now: ctx.state.now(),
      ...timesOf(ctx),
      noOverwrite: flagParam(ctx.params, 'noover'),
    });
    return { body: { metadata: fileMetadata(view, copy, { path: true }) } };
  },
};
