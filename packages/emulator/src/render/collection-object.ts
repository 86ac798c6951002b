/**
 * The collection object of pcloud-api.md §5.1, as the caller sees it: items whose files are gone
 * (trashed) or outside the caller's app folder are silently dropped, as pCloud drops them.
 */
import { apiDate } from '../api/api-date.js';
import type { Collection } from '../state/collection-store.js';
import { fileMetadata } from './metadata-object.js';
import type { FileNode } from '../state/tree-nodes.js';
import type { TreeView } from '../state/tree-view.js';

/** Which items to put in `contents`. */
export interface ContentsWindow {
  /** 1-based page of `pagesize` items (collection_details); adds `page` and `pagesize` to the object. */
  page?: number;
  pagesize?: number;
  /** Without a page: at most this many items (collection_list `showfiles` + `pagesize`). */
  limit?: number;
}

/** A file the caller may see, or undefined. */
export function visibleFile(view: TreeView, fileid: number): FileNode | undefined {
  const file = view.tree.file(fileid);
  return file && view.tree.isWithin(file.parentId, view.rootId) ? file : undefined;
}

/** File metadata with the collection item's `position` and `added`. */
export function itemMetadata(view: TreeView, file: FileNode, position: number, added: number): Record<string, unknown> {
  return { ...fileMetadata(view, file), position, added: apiDate(added) };
}

/** Renders a collection; `contents` is `[]` unless a window is given. */
export function renderCollection(view: TreeView, collection: Collection, window?: ContentsWindow): Record<string, unknown> {
  const visible = collection.items.flatMap((item, index) => {
    const file = visibleFile(view, item.fileid);
    return file ? [{ file, position: index + 1, added: item.added }] : [];
  });
  const body: Record<string, unknown> = {
    id: collection.id,
    name: collection.name,
    type: collection.type === 1 ? 'audio' : 'generic',
    ismine: true,
    system: collection.system,
  };
  if (collection.subtype !== undefined) body.subtype = collection.subtype;
  Object.assign(body, { items: visible.length, created: apiDate(collection.created), modified: apiDate(collection.modified) });
  let shown: typeof visible = [];
  if (window?.page !== undefined) {
    const size = window.pagesize ?? 20;
    // Pages cut the stored list; dropped files make a page shorter, as on pCloud.
    const first = (window.page - 1) * size;
    shown = visible.filter((entry) => entry.position > first && entry.position <= first + size);
    Object.assign(body, { page: window.page, pagesize: size });
  } else if (window) {
    shown = window.limit === undefined ? visible : visible.slice(0, window.limit);
  }
  body.contents = shown.map(({ file, position, added }) => itemMetadata(view, file, position, added));
  return body;
}
