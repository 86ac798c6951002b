/**
 * What sync asks of the filters (`--exclude`, `--include`, `--max-age`, …): whether an item at a
 * path relative to the root of the transfer (`a/b.txt`, `/`-separated, no leading slash) takes
 * part, and whether a folder is worth looking into. Until the filters are wired in, sync runs
 * with {@link PASS_EVERYTHING}.
 */

/** One item as the filters see it: its kind, and a file's size and modification time (Unix seconds). */
export interface FilterEntry {
  kind: 'file' | 'folder';
  size?: number;
  mtime?: number;
}

/** The filters of one run. */
export interface PathFilter {
  /** The item takes part in the transfer. */
  includes(path: string, entry: FilterEntry): boolean;
  /** Something below the folder may take part, so it is worth listing and walking. */
  descends(folderPath: string): boolean;
  /** Any filter was given: when false, everything is included. */
  readonly active: boolean;
}

/** No filters: everything takes part. */
export const PASS_EVERYTHING: PathFilter = { includes: () => true, descends: () => true, active: false };

/** A folder takes part in a sync (is created, mirrored, or deleted as a whole) when the filters include it and may include what is inside. */
export function syncsFolder(filter: PathFilter, path: string): boolean {
  return filter.descends(path) && filter.includes(path, { kind: 'folder' });
}
