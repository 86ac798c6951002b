/** `renamefolder` and `copyfolder` (pcloud-api.md §3.4, §3.7). */
import { ApiFailure } from '../api/api-failure.js';
import type { MethodSpec } from '../api/types.js';
import type { FileTree } from '../state/file-tree.js';
import { folderMetadata } from '../render/metadata-object.js';
import { assertValidName } from '../state/names.js';
import { putFile, type PutOptions } from '../state/put-file.js';
import type { FolderNode } from '../state/tree-nodes.js';
import { flagParam } from '../params/typed-values.js';
import { copyTarget, folderFromParams, renameTarget, viewOf } from '../params/tree-items.js';

/** `renamefolder`: move and/or rename; never the root (2042), never below itself (2043). */
export const renamefolder: MethodSpec = {
  name: 'renamefolder',
  auth: 'required',
  handler(ctx) {
    const view = viewOf(ctx);
    const folder = folderFromParams(ctx, view, 1002);
    if (view.isRoot(folder)) throw new ApiFailure(2042);
    const { parent, name } = renameTarget(ctx, view, folder);
    assertValidName(name);
    if (view.tree.isWithin(parent.id, folder.id)) throw new ApiFailure(2043);
    const clash = view.tree.childFolder(parent, name);
    if (clash && clash.id !== folder.id) throw new ApiFailure(2004);
    view.tree.relocate(folder, parent, name, ctx.state.now());
    return { body: { metadata: folderMetadata(view, folder, { path: true }) } };
  },
};

interface CopyRules extends PutOptions {
  skipExisting: boolean;
}

/** Copies the live contents of `from` into `to`, merging with folders that exist there. */
function copyContents(tree: FileTree, from: FolderNode, to: FolderNode, rules: CopyRules): void {
  // Snapshot first: the destination may be a sibling that grows while we copy.
  const folders = [...from.folders.values()].map((id) => tree.folders.get(id)!);
  const files = [...from.files.values()].map((id) => tree.files.get(id)!);
  for (const file of files) {
    if (rules.skipExisting && tree.childFile(to, file.name)) continue;
    const blob = { id: file.blob, size: file.size, sha1: file.sha1, md5: file.md5, sha256: file.sha256, hash: file.hash };
    putFile(tree, to, file.name, blob, { ...rules, mtime: file.modified });
  }
  for (const folder of folders) {
    const target = tree.childFolder(to, folder.name) ?? tree.createFolder(to, folder.name, rules.now);
    copyContents(tree, folder, target, rules);
  }
}

/** `copyfolder`: the folder (or with `copycontentonly` its contents) into `tofolderid`/`topath`. */
export const copyfolder: MethodSpec = {
  name: 'copyfolder',
  auth: 'required',
  handler(ctx) {
    const view = viewOf(ctx);
    const source = folderFromParams(ctx, view, 1002);
    const destination = copyTarget(ctx, view);
    if (destination.id === source.id) throw new ApiFailure(2206);
    if (view.tree.isWithin(destination.id, source.id)) throw new ApiFailure(2207);
    const now = ctx.state.now();
    const rules: CopyRules = { now, noOverwrite: flagParam(ctx.params, 'noover'), skipExisting: flagParam(ctx.params, 'skipexisting') };
    let target = destination;
    if (!flagParam(ctx.params, 'copycontentonly')) {
      if (view.isRoot(source)) throw new ApiFailure(2206);
      target = view.tree.childFolder(destination, source.name) ?? view.tree.createFolder(destination, source.name, now);
    }
    copyContents(view.tree, source, target, rules);
    return { body: { metadata: folderMetadata(view, target, { path: true }) } };
  },
};
