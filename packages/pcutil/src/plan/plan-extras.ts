import { type PathFilter, syncsFolder } from '../sync/path-filter.js';
import { childLoc } from './loc.js';
import type { Entry, FileEntry, FolderEntry, Loc, RemoveStep } from './types.js';

/** What sync does with the items only DEST has. */
export interface ExtrasPlan {
  deletions: RemoveStep[];
  /** Items only DEST has that --delete would remove (counted where they are met, not their contents). */
  onlyInDest: number;
}

/** `a/b` below `rel`, the way the filters name paths. */
export const joinRel = (rel: string, name: string): string => (rel === '' ? name : `${rel}/${name}`);

/** The files and folders a folder's removal takes with it, itself included. */
export function countItems(folder: FolderEntry): number {
  return 1 + (folder.children ?? []).reduce((sum, child) => sum + (child.kind === 'folder' ? countItems(child) : 1), 0);
}

/** Whether the filters let everything below a folder take part, so removing it whole removes nothing they exclude. */
function wholeTreeIncluded(filter: PathFilter, folder: FolderEntry, rel: string): boolean {
  return (folder.children ?? []).every((child: Entry) => {
    const path = joinRel(rel, child.name);
    if (child.kind === 'problem') return false;
    if (child.kind === 'file') return filter.includes(path, { kind: 'file', size: child.size, mtime: child.mtime });
    return syncsFolder(filter, path) && wholeTreeIncluded(filter, child, path);
  });
}

/**
 * Plans the removal of an item SOURCE does not have (with --delete), or counts it (without).
 * What the filters exclude is never removed, as they leave it out of the comparison: a folder
 * goes whole (`rm -r`, one call) when nothing below it is excluded; otherwise only the files the
 * filters include go, and the folders that hold the rest stay. Deletions go by pCloud id, so a
 * name the server sent never has to be a path.
 */
export function planExtra(
  entry: FileEntry | FolderEntry,
  at: Loc,
  rel: string,
  filter: PathFilter,
  remove: boolean,
  into: ExtrasPlan,
): void {
  if (entry.kind === 'file') {
    if (!filter.includes(rel, { kind: 'file', size: entry.size, mtime: entry.mtime })) return;
    if (!remove) into.onlyInDest += 1;
    else into.deletions.push({ op: 'rm', at, what: 'file', id: entry.id, items: 1 });
    return;
  }
  if (!syncsFolder(filter, rel)) return;
  if (!remove) into.onlyInDest += 1;
  else if (!filter.active || wholeTreeIncluded(filter, entry, rel)) {
    into.deletions.push({ op: 'rm', at, what: 'tree', id: entry.id, items: countItems(entry) });
  } else {
    for (const child of entry.children ?? []) {
      if (child.kind !== 'problem') planExtra(child, childLoc(at, child.name), joinRel(rel, child.name), filter, remove, into);
    }
  }
}
