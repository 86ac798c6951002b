/**
 * Placing content into a folder, as uploadfile, upload_save and copyfile do (pcloud-api.md
 * §4.1, §4.7): a new file, or the existing one overwritten in place (same fileid), or with
 * `renameifexists` a free name `name (2).ext`.
 */
import { ApiFailure } from '../api/api-failure.js';
import type { StoredBlob } from './blob-store.js';
import type { FileTree } from './file-tree.js';
import { assertValidName } from './names.js';
import { contentFields, type FileNode, type FolderNode } from './tree-nodes.js';

/** How to place the file. */
export interface PutOptions {
  now: number;
  /** Unix seconds for `modified` (uploaded `mtime`). */
  mtime?: number;
  /** Unix seconds for `created`; honoured only with `mtime` (§4.1). */
  ctime?: number;
  renameIfExists?: boolean;
  /** Refuse (2004) instead of overwriting. */
  noOverwrite?: boolean;
}

/** `name (2).ext`, `name (3).ext`, … : the first name no file in the folder has. */
export function freeName(tree: FileTree, folder: FolderNode, name: string): string {
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let n = 2; ; n++) {
    const candidate = `${stem} (${n})${ext}`;
    if (!tree.childFile(folder, candidate)) return candidate;
  }
}

/** Puts stored content into `folder` as `name`; the tree takes over the blob reference. */
export function putFile(tree: FileTree, folder: FolderNode, name: string, blob: StoredBlob, options: PutOptions): FileNode {
  assertValidName(name);
  const modified = options.mtime ?? options.now;
  const created = options.mtime !== undefined && options.ctime !== undefined ? options.ctime : undefined;
  let existing = tree.childFile(folder, name);
  if (existing && options.renameIfExists) {
    name = freeName(tree, folder, name);
    existing = undefined;
  }
  if (existing && options.noOverwrite) throw new ApiFailure(2004);
  if (existing) {
    tree.replaceContent(existing, { ...contentFields(blob), created: created ?? existing.created, modified });
    tree.touch(folder, options.now);
    return existing;
  }
  const file = tree.attachFile({
    ...contentFields(blob),
    id: tree.hooks.nextId('file'),
    parentId: folder.id,
    name,
    created: created ?? options.now,
    modified,
    deleted: false,
  });
  tree.touch(folder, options.now);
  return file;
}
