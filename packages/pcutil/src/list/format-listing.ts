import { parsePCloudDate, type Metadata } from '@pcloud/core';
import { escapeControl, formatPCloudDate } from '@pcloud/core/internal';

/** One row of `ls --json`. */
export interface ListingRow {
  path: string;
  name: string;
  type: 'file' | 'folder';
  /** Bytes; absent for folders. */
  size?: number;
  /** `Sat, 24 Jul 2021 10:11:12 +0000`, as pCloud writes dates. */
  modified: string;
  id: number;
}

/** A folder's rows in display order: folders first, then files, each by name. */
export function listingRows(folderPath: string, contents: readonly Metadata[]): ListingRow[] {
  const base = folderPath === '/' ? '' : folderPath;
  return contents
    .filter((item) => item.isdeleted !== true)
    .map((item): ListingRow => {
      const modified = formatPCloudDate(parsePCloudDate(item.modified) ?? 0);
      const path = `${base}/${item.name}`;
      return item.isfolder
        ? { path, name: item.name, type: 'folder', modified, id: item.folderid }
        : { path, name: item.name, type: 'file', size: item.size, modified, id: item.fileid };
    })
    .sort((a, b) => (a.type === b.type ? (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) : a.type === 'folder' ? -1 : 1));
}

/**
 * One `ls` line: the name (folders end in `/`, control characters escaped so a name cannot drive
 * the terminal); with -l, a type letter, the size right-aligned in 14 columns (`-` for folders)
 * and the modification time in UTC before it. `--json` rows keep the exact name.
 */
export function formatListingRow(row: ListingRow, long: boolean): string {
  const shown = escapeControl(row.name);
  const name = row.type === 'folder' ? `${shown}/` : shown;
  if (!long) return name;
  const when = new Date(Date.parse(row.modified)).toISOString().slice(0, 16).replace('T', ' ');
  const size = row.type === 'folder' ? '-' : String(row.size ?? 0);
  return `${row.type === 'folder' ? 'd' : '-'} ${size.padStart(14)}  ${when}  ${name}`;
}
