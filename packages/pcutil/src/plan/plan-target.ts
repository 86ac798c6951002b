import { remoteNameProblem } from '@pcloud/core';
import { childLoc, formatLoc } from './loc.js';
import type { CopyOptions, CopyPlanStep, Entry, FileEntry, FolderEntry, Loc, Side } from './types.js';
import type { Target } from './resolve-targets.js';
import { placeListedChild } from './untrusted-name.js';

/**
 * Expands one target into steps: the folders to create, the files to copy or skip, and the
 * items that cannot be copied. `existing` is what is at the target now (a folder carries its
 * listed tree), so re-running a copy only does what is missing. pCloud lets a file and a folder
 * share a name; a local disk does not, so inside a tree a clash only matters when the destination
 * is local. A folder whose own destination is a file is refused on either side, as the original
 * refuses an "invalid recursive destination". Names listed on pCloud are checked before they
 * become part of a destination path (untrusted-name.ts).
 */
export function planTarget(target: Target, existing: Entry | undefined, options: CopyOptions): CopyPlanStep[] {
  const steps: CopyPlanStep[] = [];
  if (target.entry.kind === 'file') planFile(target.from, target.entry, target.to, existing, options, steps);
  else if (existing !== undefined && existing.kind !== 'folder') steps.push(folderOntoFile(target.from, target.to));
  else planFolder(target.from, target.entry, target.to, existing, options, steps, target.to);
  return steps;
}

function folderOntoFile(from: Loc, to: Loc): CopyPlanStep {
  return {
    op: 'problem',
    at: from,
    message: `${formatLoc(to)} is a file; cannot copy the folder ${formatLoc(from)} onto it`,
    severity: 'error',
  };
}

function planFile(from: Loc, source: FileEntry, to: Loc, existing: Entry | undefined, options: CopyOptions, steps: CopyPlanStep[]): void {
  if (existing?.kind === 'folder' && to.side !== 'remote') {
    steps.push({
      op: 'problem',
      at: from,
      message: `${formatLoc(to)} is a folder; cannot replace it with the file ${formatLoc(from)}`,
      severity: 'error',
    });
    return;
  }
  const current = existing?.kind === 'file' ? existing : undefined;
  if (current && options.noClobber) {
    steps.push({ op: 'skip', from, to, reason: 'exists' });
    return;
  }
  steps.push({ op: 'copy', from, to, source, existing: current });
}

function planFolder(
  from: Loc,
  source: FolderEntry,
  to: Loc,
  existing: Entry | undefined,
  options: CopyOptions,
  steps: CopyPlanStep[],
  root: Loc,
): void {
  if (existing !== undefined && existing.kind !== 'folder' && to.side !== 'remote') {
    steps.push(folderOntoFile(from, to));
    return;
  }
  const current = existing?.kind === 'folder' ? existing : undefined;
  if (current === undefined) steps.push({ op: 'mkdir', at: to });
  const children = [...(source.children ?? [])].sort(byKindThenName);
  for (const child of children) {
    const childFrom = childLoc(from, child.name);
    if (child.kind === 'problem') {
      steps.push({
        op: 'problem',
        at: childFrom,
        message: `${formatLoc(childFrom)}: ${child.message}`,
        severity: child.severity,
        ...(child.linkNotFollowed ? { linkNotFollowed: true } : {}),
      });
      continue;
    }
    const placed = from.side === 'remote' ? placeListedChild(from, to, child.name, root) : { to: childLoc(to, child.name) };
    if ('message' in placed) {
      steps.push({ op: 'problem', at: childFrom, message: placed.message, severity: 'error' });
      continue;
    }
    const childTo = placed.to;
    const nameProblem = to.side === 'remote' ? remoteNameProblem(child.name) : undefined;
    if (nameProblem) {
      steps.push({ op: 'problem', at: childFrom, message: `${formatLoc(childFrom)}: pCloud refuses ${nameProblem}`, severity: 'error' });
      continue;
    }
    const match = findExisting(current?.children, child.name, child.kind, to.side);
    if (child.kind === 'file') planFile(childFrom, child, childTo, match, options, steps);
    else planFolder(childFrom, child, childTo, match, options, steps, root);
  }
}

/** The existing entry a child would meet: on pCloud only one of its own kind, locally anything with that name. */
function findExisting(children: Entry[] | undefined, name: string, kind: 'file' | 'folder', side: Side): Entry | undefined {
  if (children === undefined) return undefined;
  const named = children.filter((entry) => entry.name === name && entry.kind !== 'problem');
  if (side === 'remote') return named.find((entry) => entry.kind === kind);
  return named.find((entry) => entry.kind === kind) ?? named[0];
}

/** Files before folders, then by name, so a folder's own files are listed right after its mkdir. */
function byKindThenName(a: Entry, b: Entry): number {
  const rank = (entry: Entry): number => (entry.kind === 'folder' ? 1 : 0);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
