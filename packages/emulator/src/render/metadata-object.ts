/**
 * The metadata object of pcloud-api.md §2: ids `d123`/`f456`, dates as {@link ApiDate} (the
 * dispatcher renders them), `hash` as an exact uint64, optional fields absent rather than null.
 */
import { apiDate } from '../api/api-date.js';
import { contentKindOf } from '../state/content-types.js';
import type { TreeView } from '../state/tree-view.js';
import type { FileNode, FolderNode } from '../state/tree-nodes.js';

/** Options of one rendering. */
export interface MetadataOptions {
  /** Add the caller-relative `path`. */
  path?: boolean;
}

/** Metadata of a folder (without `contents`). */
export function folderMetadata(view: TreeView, folder: FolderNode, options: MetadataOptions = {}): Record<string, unknown> {
  const isRoot = view.isRoot(folder);
  const folderid = view.outerFolderId(folder.id);
  const meta: Record<string, unknown> = { id: `d${folderid}`, folderid, isfolder: true, name: isRoot ? '/' : folder.name };
  if (!isRoot && folder.parentId !== undefined) meta.parentfolderid = view.outerFolderId(folder.parentId);
  if (options.path) meta.path = view.pathOf(folder);
  Object.assign(meta, {
    created: apiDate(folder.created),
    modified: apiDate(folder.modified),
    ismine: true,
    isshared: false,
    icon: 'folder',
    thumb: false,
    comments: 0,
  });
  if (folder.deleted) meta.isdeleted = true;
  return meta;
}

/** Metadata of a file. */
export function fileMetadata(view: TreeView, file: FileNode, options: MetadataOptions = {}): Record<string, unknown> {
  const kind = contentKindOf(file.name);
  const meta: Record<string, unknown> = {
    id: `f${file.id}`,
    fileid: file.id,
    parentfolderid: view.outerFolderId(file.parentId),
    isfolder: false,
    name: file.name,
  };
  if (options.path) meta.path = view.pathOf(file);
  Object.assign(meta, {
    size: file.size,
    contenttype: kind.contenttype,
    category: kind.category,
    icon: kind.icon,
    hash: file.hash,
    created: apiDate(file.created),
    modified: apiDate(file.modified),
    ismine: true,
    isshared: false,
    thumb: kind.category === 1,
    comments: 0,
  });
  if (file.deleted) meta.isdeleted = true;
  return meta;
}

/** Metadata of either kind. */
export function nodeMetadata(view: TreeView, node: FolderNode | FileNode, options: MetadataOptions = {}): Record<string, unknown> {
  return node.kind === 'folder' ? folderMetadata(view, node, options) : fileMetadata(view, node, options);
}
