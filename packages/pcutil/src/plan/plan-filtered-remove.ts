import type { PathFilter } from '../filter/path-filter.js';
import { childLoc } from './loc.js';
import type { Entry, FolderEntry, Loc, RemovePlanStep } from './types.js';

function byName(a: Entry, b: Entry): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * `rm -r` with filters, as a plan: each file the filter takes is deleted by its id, and a folder
 * below PATH goes only once everything in it went and the filter selects the folder itself; a
 * folder that still holds anything the filter left out stays, and PATH itself always stays (the
 * filters choose what is inside it). Folders come after their contents, deepest first, and are
 * removed with `deletefolder`, which pCloud refuses for a folder that is not empty: a file that
 * arrived after the listing is never deleted with it.
 */
export function planFilteredRemove(loc: Loc, folder: FolderEntry, filter: PathFilter): RemovePlanStep[] {
  const steps: RemovePlanStep[] = [];
  // Answers whether everything in `entry` is planned for removal.
  const walk = (at: Loc, entry: FolderEntry, names: readonly string[]): boolean => {
    if (entry.children === undefined) return false;
    let emptied = true;
    for (const child of [...entry.children].sort(byName)) {
      const childAt = childLoc(at, child.name);
      const path = [...names, child.name].join('/');
      if (child.kind === 'file') {
        const facts = {
          kind: 'file' as const,
          ...(child.size !== undefined ? { size: child.size } : {}),
          ...(child.mtime !== undefined ? { mtime: child.mtime } : {}),
        };
        if (filter.includes(path, facts)) steps.push({ op: 'rm', at: childAt, what: 'file', id: child.id });
        else {
          steps.push({ op: 'filtered', at: childAt, what: 'file' });
          emptied = false;
        }
      } else if (child.kind === 'folder') {
        const taken = filter.descends(path) && filter.includes(path, { kind: 'folder' });
        const inside = filter.descends(path) && walk(childAt, child, [...names, child.name]);
        if (inside && taken) steps.push({ op: 'rm', at: childAt, what: 'folder', id: child.id });
        else {
          if (!taken) steps.push({ op: 'filtered', at: childAt, what: 'folder' });
          emptied = false;
        }
      } else emptied = false;
    }
    return emptied;
  };
  walk(loc, folder, []);
  return steps;
}
