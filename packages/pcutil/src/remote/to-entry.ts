import { parsePCloudDate, type Metadata } from '@pcloud/core';
import type { FileEntry, FolderEntry } from '../plan/types.js';

/**
 * Turns pCloud metadata (listfolder/stat) into a plan entry, with the sub-tree when the listing
 * carried `contents`. Deleted items never reach a plan.
 */
export function toEntry(metadata: Metadata): FileEntry | FolderEntry {
  if (!metadata.isfolder) {
    return {
      kind: 'file',
      name: metadata.name,
      size: metadata.size,
      mtime: parsePCloudDate(metadata.modified),
      id: metadata.fileid,
      hash: metadata.hash,
    };
  }
  const children = metadata.contents?.filter((child) => child.isdeleted !== true).map(toEntry);
  return { kind: 'folder', name: metadata.name, children, id: metadata.folderid };
}
