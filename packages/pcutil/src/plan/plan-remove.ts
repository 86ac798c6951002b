import type { PathFilter } from '../filter/path-filter.js';
import { formatLoc } from './loc.js';
import { planFilteredRemove } from './plan-filtered-remove.js';
import type { Entry, Loc, RemovePlanStep } from './types.js';

/** A PATH argument of `rm`, after it was looked up. */
export interface RemoveTarget {
  loc: Loc;
  /** What is there; a folder's `children` tells whether it is empty (undefined: not listed). */
  entry: Entry | undefined;
}

/**
 * The original pcutil's rm rules as a plan: a file is deleted; an empty folder is deleted; a
 * non-empty folder needs -r; a missing path is reported and the others still proceed; the root
 * is never deleted, with or without -r. With -r and a filter, a file named is judged by the filter
 * too, and a folder's listed tree is planned item by item (plan-filtered-remove.ts).
 */
export function planRemove(targets: RemoveTarget[], options: { recursive: boolean; filter?: PathFilter }): RemovePlanStep[] {
  return targets.flatMap(({ loc, entry }): RemovePlanStep | RemovePlanStep[] => {
    const shown = formatLoc(loc);
    const refuse = (message: string): RemovePlanStep => ({ op: 'problem', at: loc, message, severity: 'error' });
    if (loc.side !== 'remote') return refuse(`${shown}: rm only removes pCloud files and folders`);
    if (loc.path === '/') return refuse(`refusing to remove the pCloud root folder (${shown})`);
    if (entry === undefined) return refuse(`${shown}: no such file or folder`);
    if (entry.kind === 'problem') return refuse(`${shown}: ${entry.message}`);
    if (entry.kind === 'file') {
      // A file named with filters is judged by its name, as if the walk had come upon it.
      const facts = {
        kind: 'file' as const,
        ...(entry.size !== undefined ? { size: entry.size } : {}),
        ...(entry.mtime !== undefined ? { mtime: entry.mtime } : {}),
      };
      if (options.recursive && options.filter && !options.filter.includes(entry.name, facts))
        return { op: 'filtered', at: loc, what: 'file' };
      return { op: 'rm', at: loc, what: 'file', id: entry.id };
    }
    if (options.recursive && options.filter) return planFilteredRemove(loc, entry, options.filter);
    if (options.recursive) return { op: 'rm', at: loc, what: 'tree', id: entry.id };
    if (entry.children !== undefined && entry.children.length > 0) {
      return refuse(`${shown}: folder is not empty; use -r to remove it and everything in it`);
    }
    return { op: 'rm', at: loc, what: 'folder', id: entry.id };
  });
}
