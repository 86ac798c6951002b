import type { FolderMetadata, Metadata } from '@pcloud/core';

/** What lies below one folder (or what one file is): files, folders and bytes, all the way down. */
export interface Usage {
  /** The pCloud path, from the root. */
  path: string;
  files: number;
  /** Folders below `path`, not counting `path` itself. */
  folders: number;
  bytes: number;
}

function childPath(parent: string, name: string): string {
  return parent === '/' ? `/${name}` : `${parent}/${name}`;
}

// Sizes come from the server: anything but a whole, non-negative byte count is counted as nothing.
function sizeOf(item: Metadata): number {
  return !item.isfolder && Number.isSafeInteger(item.size) && item.size >= 0 ? item.size : 0;
}

/**
 * The usage of a listed item: a file is one file of its size; a folder adds up its tree. `each`
 * receives every folder's usage after the folders inside it (as `du` prints them), the item's last.
 */
export function countUsage(item: Metadata, path: string, each: (usage: Usage) => void = () => {}): Usage {
  if (!item.isfolder) {
    const usage = { path, files: 1, folders: 0, bytes: sizeOf(item) };
    each(usage);
    return usage;
  }
  const usage: Usage = { path, files: 0, folders: 0, bytes: 0 };
  const contents = [...((item as FolderMetadata).contents ?? [])].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const child of contents) {
    if (child.isfolder) {
      const inside = countUsage(child, childPath(path, child.name), each);
      usage.files += inside.files;
      usage.folders += inside.folders + 1;
      usage.bytes += inside.bytes;
    } else {
      usage.files += 1;
      usage.bytes += sizeOf(child);
    }
  }
  each(usage);
  return usage;
}
