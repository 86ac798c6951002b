import type { CompareMode } from '../plan/compare-files.js';
import type { PathFilter } from './path-filter.js';

/** What `pcutil sync` was asked to do. */
export interface RunSyncRequest {
  /** SOURCE and DEST as given. */
  paths: readonly string[];
  compare: CompareMode;
  /** --delete: remove from DEST what SOURCE does not have, once every copy succeeded. */
  delete: boolean;
  /** --max-delete N: refuse the whole deletion step when it would remove more than N files and folders. */
  maxDelete: number | undefined;
  /** -L: descend into symbolic links to folders inside a local SOURCE. */
  followLinks: boolean;
  filter: PathFilter;
  /** -j: transfers at once; undefined adapts as cp does (adaptive-lanes.ts). */
  jobs: number | undefined;
  dryRun: boolean;
  verbose: boolean;
  json: boolean;
}
