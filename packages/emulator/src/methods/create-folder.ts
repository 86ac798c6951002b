/** `createfolder` and `createfolderifnotexists` (pcloud-api.md §3.2, §3.3). */
import { ApiFailure } from '../api/api-failure.js';
import type { MethodContext, MethodSpec } from '../api/types.js';
import { folderMetadata } from '../render/metadata-object.js';
import { assertValidName } from '../state/names.js';
import { newItemTarget, viewOf } from '../params/tree-items.js';

function create(ctx: MethodContext, allowExisting: boolean): Record<string, unknown> {
  const view = viewOf(ctx);
  let target: ReturnType<typeof newItemTarget>;
  try {
    target = newItemTarget(ctx, view, 1001);
  } catch (error) {
    // `path=/` names the root, which always exists.
    if (allowExisting && error instanceof ApiFailure && error.result === 2004) {
      return { created: false, metadata: folderMetadata(view, view.folderById(0), { path: true }) };
    }
    throw error;
  }
  assertValidName(target.name);
  const existing = view.tree.childFolder(target.parent, target.name);
  if (existing && allowExisting) return { created: false, metadata: folderMetadata(view, existing, { path: true }) };
  const folder = view.tree.createFolder(target.parent, target.name, ctx.state.now());
  const metadata = folderMetadata(view, folder, { path: true });
  return allowExisting ? { created: true, metadata } : { metadata };
}

/** `createfolder`: 2004 when a folder of that name exists (a file of that name is no conflict). */
export const createfolder: MethodSpec = {
  name: 'createfolder',
  auth: 'required',
  handler: (ctx) => ({ body: create(ctx, false) }),
};

/** `createfolderifnotexists`: like createfolder, `created` tells whether it was made now. */
export const createfolderifnotexists: MethodSpec = {
  name: 'createfolderifnotexists',
  auth: 'required',
  handler: (ctx) => ({ body: create(ctx, true) }),
};
