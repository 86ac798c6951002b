import { remoteNameProblem } from '@pcloud/core';
import { isPartialFileName, partialFilePrefix, partialPrefixOf } from '@pcloud/core/internal';
import { type PathFilter, syncsFolder } from '../sync/path-filter.js';
import { type CompareMode, compareFiles } from './compare-files.js';
import { childLoc, formatLoc } from './loc.js';
import { type ExtrasPlan, joinRel, planExtra } from './plan-extras.js';
import type { CopyPlanStep, Entry, FileEntry, FolderEntry, Loc, MkdirStep, ProblemEntry, RemoveStep } from './types.js';
import { placeListedChild } from './untrusted-name.js';

/** The two trees sync compares: SOURCE's, and what is at its target in DEST (undefined: nothing yet). */
export interface SyncTrees {
  from: Loc;
  source: FolderEntry;
  to: Loc;
  existing: FolderEntry | undefined;
  /** The target's missing parents, outermost first, to create before anything else. */
  prelude: MkdirStep[];
}

/** How to compare and what to do with what only DEST has. */
export interface SyncPlanOptions {
  compare: CompareMode;
  /** --delete: remove what SOURCE does not have. */
  delete: boolean;
  filter: PathFilter;
}

/** A temporary file an interrupted earlier run left beside one of this sync's files. */
export interface Leftover {
  at: Loc;
  id: number | undefined;
}

/** What sync will do: cp's steps (skips are the unchanged files), then the deletions. */
export interface SyncPlan extends ExtrasPlan {
  steps: CopyPlanStep[];
  leftovers: Leftover[];
  /** SOURCE items the filters left out. */
  filtered: number;
  /** Why nothing may be deleted: a listing that could not be read in full. */
  deleteBlocked?: string;
}

interface Walk {
  plan: SyncPlan;
  options: SyncPlanOptions;
  /** The target, which a name from pCloud may never climb out of. */
  root: Loc;
}

/** A folder's entries by name: pCloud lets a file and a folder share one. */
type ByName = Map<string, { file?: FileEntry; folder?: FolderEntry; problem?: ProblemEntry }>;

/**
 * Compares SOURCE's tree with its target's and plans the sync, touching nothing: folders to
 * create, files to copy (with why: new, size, time, checksum), unchanged files as skips, and,
 * with --delete, what only DEST has. Names from pCloud are checked before they become a path
 * (untrusted-name.ts). An item SOURCE has but does not copy (filtered out, unreadable, a link
 * not followed) keeps its namesake in DEST from deletion, and a SOURCE or DEST folder that
 * could not be read blocks the whole deletion step: nothing is deleted on a half-read listing.
 */
export function planSync(trees: SyncTrees, options: SyncPlanOptions): SyncPlan {
  const plan: SyncPlan = { steps: [...trees.prelude], deletions: [], onlyInDest: 0, leftovers: [], filtered: 0 };
  syncFolder({ plan, options, root: trees.to }, trees.from, trees.source, trees.to, trees.existing, '');
  return plan;
}

function syncFolder(walk: Walk, from: Loc, source: FolderEntry, to: Loc, existing: FolderEntry | undefined, rel: string): void {
  const { plan, options } = walk;
  if (existing === undefined) plan.steps.push({ op: 'mkdir', at: to });
  const dest = byName(existing?.children);
  // What DEST keeps: the match of each SOURCE item, and every namesake of one that is not copied.
  const kept = new Set<Entry>();
  const keepNamesakes = (name: string): void => {
    for (const entry of Object.values(dest.get(name) ?? {})) kept.add(entry);
  };
  const refuse = (at: Loc, message: string): void => void plan.steps.push({ op: 'problem', at, message, severity: 'error' });
  // The names of the files synced here; the temporary-name prefixes they give are made only when
  // DEST holds a temporary file (a spread of every name costs ~1 µs, 10 ms for 10,000 files).
  const ownNames: string[] = [];
  let ownPrefixes: Set<string> | undefined;
  const isOwnLeftover = (name: string): boolean => {
    const prefix = partialPrefixOf(name);
    if (prefix === undefined) return false;
    ownPrefixes ??= new Set(ownNames.map(partialFilePrefix));
    return ownPrefixes.has(prefix);
  };
  for (const child of [...(source.children ?? [])].sort(byKindThenName)) {
    const childFrom = childLoc(from, child.name);
    const path = joinRel(rel, child.name);
    if (child.kind === 'problem') {
      keepNamesakes(child.name);
      plan.steps.push({
        op: 'problem',
        at: childFrom,
        message: `${formatLoc(childFrom)}: ${child.message}`,
        severity: child.severity,
        ...(child.linkNotFollowed ? { linkNotFollowed: true } : {}),
      });
      if (child.severity === 'error') plan.deleteBlocked ??= `${formatLoc(childFrom)} could not be read`;
      continue;
    }
    // pcutil's own temporary files (an interrupted download into SOURCE) are never synced.
    if (isPartialFileName(child.name)) {
      keepNamesakes(child.name);
      continue;
    }
    const placed = from.side === 'remote' ? placeListedChild(from, to, child.name, walk.root) : { to: childLoc(to, child.name) };
    const nameProblem = to.side === 'remote' ? remoteNameProblem(child.name) : undefined;
    if ('message' in placed || nameProblem) {
      keepNamesakes(child.name);
      refuse(childFrom, 'message' in placed ? placed.message : `${formatLoc(childFrom)}: pCloud refuses ${nameProblem}`);
      continue;
    }
    const slot = dest.get(child.name);
    if (child.kind === 'file') {
      if (!options.filter.includes(path, { kind: 'file', size: child.size, mtime: child.mtime })) {
        plan.filtered += 1;
        keepNamesakes(child.name);
        continue;
      }
      ownNames.push(child.name);
      const match = slot?.file ?? (to.side === 'remote' ? undefined : slot?.folder);
      if (match) kept.add(match);
      if (match?.kind === 'folder')
        refuse(childFrom, `${formatLoc(placed.to)} is a folder; cannot replace it with the file ${formatLoc(childFrom)}`);
      else planFile(plan, childFrom, child, placed.to, match, options);
    } else if (!syncsFolder(options.filter, path)) {
      plan.filtered += 1;
      keepNamesakes(child.name);
    } else {
      const match = slot?.folder ?? (to.side === 'remote' ? undefined : slot?.file);
      if (match) kept.add(match);
      if (match?.kind === 'file')
        refuse(childFrom, `${formatLoc(placed.to)} is a file; cannot copy the folder ${formatLoc(childFrom)} onto it`);
      else syncFolder(walk, childFrom, child, placed.to, match, path);
    }
  }
  for (const entry of [...(existing?.children ?? [])].sort(byKindThenName)) {
    if (kept.has(entry)) continue;
    const at = childLoc(to, entry.name);
    if (entry.kind === 'problem') {
      if (options.delete && entry.severity === 'error') plan.deleteBlocked ??= `${formatLoc(at)} could not be read`;
    } else if (entry.kind === 'file' && isOwnLeftover(entry.name)) {
      plan.leftovers.push({ at, id: entry.id });
    } else planExtra(entry, at, joinRel(rel, entry.name), options.filter, options.delete, plan);
  }
}

function planFile(plan: SyncPlan, from: Loc, source: FileEntry, to: Loc, match: FileEntry | undefined, options: SyncPlanOptions): void {
  if (match === undefined) {
    plan.steps.push({ op: 'copy', from, to, source, existing: undefined, reason: 'new' });
    return;
  }
  const verdict = compareFiles(source, match, options.compare);
  if (verdict === 'same') plan.steps.push({ op: 'skip', from, to, reason: 'unchanged' });
  else plan.steps.push({ op: 'copy', from, to, source, existing: match, reason: verdict });
}

function byName(children: readonly Entry[] | undefined): ByName {
  const index: ByName = new Map();
  for (const entry of children ?? []) {
    const slot = index.get(entry.name) ?? {};
    if (entry.kind === 'file') slot.file = entry;
    else if (entry.kind === 'folder') slot.folder = entry;
    else slot.problem = entry;
    index.set(entry.name, slot);
  }
  return index;
}

/** Files before folders, then by name, so a folder's own files are listed right after its mkdir (as cp plans). */
function byKindThenName(a: Entry, b: Entry): number {
  const rank = (entry: Entry): number => (entry.kind === 'folder' ? 1 : 0);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** The removals of a plan and the files and folders they take with them (what --max-delete counts). */
export function deletionCount(deletions: readonly RemoveStep[]): number {
  return deletions.reduce((sum, step) => sum + (step.items ?? 1), 0);
}
