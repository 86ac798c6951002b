/**
 * What sync asks of the filters (`--exclude`, `--include`, `--max-age`, …): whether an item at a
 * path relative to the root of the transfer (`a/b.txt`, `/`-separated, no leading slash) takes
 * part, and whether a folder is worth looking into. Without filter options, sync runs
 * with {@link PASS_EVERYTHING}.
 */

import type { PathFilter } from '../filter/path-filter.js';

export type { FilterEntry, PathFilter } from '../filter/path-filter.js';

/** No filters: everything takes part. */
export const PASS_EVERYTHING: PathFilter = { includes: () => true, descends: () => true, active: false };

/** A folder takes part in a sync (is created, mirrored, or deleted as a whole) when the filters include it and may include what is inside. */
export function syncsFolder(filter: PathFilter, path: string): boolean {
  return filter.descends(path) && filter.includes(path, { kind: 'folder' });
}
