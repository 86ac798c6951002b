import { PCloudError, remoteNameProblem } from '@pcloud/core';
import { baseName, childLoc, formatLoc, isWithin, sameLoc } from './loc.js';
import type { CopyOptions, Entry, FileEntry, FolderEntry, Loc, MkdirStep, ProblemStep } from './types.js';

/** A SOURCE argument of `cp`, after it was looked up. */
export interface SourceSpec {
  /** As the user typed it, for messages. */
  arg: string;
  loc: Loc;
  /** Written with a trailing `/` or a last `.` or `..` (core's hasTrailingSlash); {@link resolveTargets} says what that means. */
  trailingSlash: boolean;
  /** What is there; undefined when nothing is. Folders carry their tree when -r is given. */
  entry: Entry | undefined;
}

/** The DEST argument of `cp`, after it was looked up. */
export interface DestSpec {
  arg: string;
  loc: Loc;
  /** Written with a trailing `/` or a last `.` or `..`; see {@link resolveTargets}. */
  trailingSlash: boolean;
  /** What is there now (a folder wins when pCloud has a file and a folder of that name). */
  entry: FileEntry | FolderEntry | undefined;
  /** When nothing is there: the missing ancestors to create, outermost first. */
  missingParents: Loc[];
  /** An ancestor that exists but is a file, which makes DEST unreachable. */
  blockedBy?: Loc;
}

/** One source placed at its destination; planTarget expands it into steps. */
export interface Target {
  from: Loc;
  entry: FileEntry | FolderEntry;
  to: Loc;
  /** Something may already exist at `to`, so it must be looked up before planning the tree. */
  mayExist: boolean;
}

/** The first half of a copy plan: folders to create before anything else, and where each source goes. */
export interface TargetPlan {
  prelude: MkdirStep[];
  targets: Target[];
  problems: ProblemStep[];
}

/** Refuses (as a usage error) any SOURCE that would be copied local to local: that is the system's cp. */
export function assertOneSideRemote(sources: ReadonlyArray<{ arg: string; loc: Loc }>, dest: { arg: string; loc: Loc }): void {
  for (const source of sources) {
    if (source.loc.side !== 'remote' && dest.loc.side !== 'remote') {
      throw new PCloudError('USAGE_ERROR', `${source.arg} and ${dest.arg} are both local; one side must be a pCloud location (p:/...)`);
    }
  }
}

const problem = (at: Loc, message: string, severity: ProblemStep['severity'] = 'error'): ProblemStep => ({
  op: 'problem',
  at,
  message,
  severity,
});

/**
 * Applies the original pcutil's rules to decide where each SOURCE lands under DEST. A folder
 * (with -r) lands at DEST/<its name> whether DEST exists or not, and DEST is created when missing
 * (rsync's rule: the same command gives the same tree every time). A file lands inside DEST when
 * DEST is a folder or when there are several sources, and otherwise becomes DEST (the original's
 * -r rule for a file copied an empty folder; this is rsync's). A folder needs -r, and no folder
 * lands on a file. Throws a usage error when a copy would be local to local.
 *
 * The trailing-slash rule (rsync's, and the original's) is decided here and nowhere else; the
 * parsers only record `trailingSlash`, through core's hasTrailingSlash. A SOURCE folder written
 * `tree/`, `.` or `..` has no name of its own to copy under, so its contents go into DEST, as the
 * root's do (`cd tree && cp -r . p:/x` fills p:/x). A DEST written `dest/` (or `.`, `..`) is a
 * folder to copy into: it must be one, or is created as one.
 */
export function resolveTargets(sources: SourceSpec[], dest: DestSpec, options: CopyOptions): TargetPlan {
  assertOneSideRemote(sources, dest);
  const result: TargetPlan = { prelude: [], targets: [], problems: [] };
  if (dest.blockedBy) {
    result.problems.push(problem(dest.loc, `${formatLoc(dest.blockedBy)} is a file, not a folder`));
    return result;
  }
  const intoFolder = dest.loc.side !== 'stdio' && (dest.entry?.kind === 'folder' || dest.trailingSlash || sources.length > 1);
  if (intoFolder && dest.entry?.kind === 'file') {
    const why = sources.length > 1 ? 'several sources need a folder to copy into' : 'a trailing / names a folder';
    result.problems.push(problem(dest.loc, `${dest.arg} is a file, not a folder (${why})`));
    return result;
  }
  const seen = new Map<string, string>();
  for (const source of sources) {
    const outcome = placeSource(source, dest, intoFolder, options);
    if ('message' in outcome) {
      result.problems.push(problem(source.loc, outcome.message, outcome.severity));
      continue;
    }
    const key = `${outcome.to.side}:${outcome.to.path}`;
    const earlier = seen.get(key);
    if (earlier !== undefined && outcome.to.side !== 'stdio') {
      result.problems.push(problem(source.loc, `${source.arg} would overwrite ${formatLoc(outcome.to)}, just copied from ${earlier}`));
      continue;
    }
    seen.set(key, source.arg);
    result.targets.push(outcome);
  }
  if (result.targets.length > 0 && dest.entry === undefined && dest.loc.side !== 'stdio') {
    // DEST itself is created first when something lands inside it; a target that is DEST creates itself.
    const inside = intoFolder || result.targets.some((target) => !sameLoc(target.to, dest.loc));
    const creates = inside ? [...dest.missingParents, dest.loc] : dest.missingParents;
    for (const at of creates) {
      const nameProblem = at.side === 'remote' ? remoteNameProblem(baseName(at)) : undefined;
      if (nameProblem)
        return { prelude: [], targets: [], problems: [...result.problems, problem(at, `${formatLoc(at)}: pCloud refuses ${nameProblem}`)] };
      result.prelude.push({ op: 'mkdir', at });
    }
  }
  return result;
}

/**
 * Where a folder SOURCE lands under DEST by the trailing-slash rule (see {@link resolveTargets}):
 * DEST/<its name>, or DEST itself when SOURCE is written `tree/`, `.` or `..`, or is the root
 * (no name of its own). Whether DEST exists plays no part, so the same command lands in the same
 * place every time; cp and sync both place folders here.
 */
export function folderTarget(source: { loc: Loc; trailingSlash: boolean }, dest: Loc): Loc {
  const name = baseName(source.loc);
  return source.trailingSlash || name === '' ? dest : childLoc(dest, name);
}

/** Where one source goes, or why it cannot. */
function placeSource(
  source: SourceSpec,
  dest: DestSpec,
  intoFolder: boolean,
  options: CopyOptions,
): Target | { message: string; severity?: ProblemStep['severity'] } {
  const { entry } = source;
  if (entry === undefined) return { message: `${source.arg}: no such file or folder` };
  // A special file or a symlink loop is skipped with a warning, as inside a tree; unreadable is an error.
  if (entry.kind === 'problem') return { message: `${source.arg}: ${entry.message}`, severity: entry.severity };
  if (entry.kind === 'folder' && !options.recursive) return { message: `${source.arg} is a folder; use -r to copy it` };
  if (entry.kind === 'folder' && dest.loc.side === 'stdio')
    return { message: `${source.arg} is a folder; only files can be written to standard output` };
  if (source.loc.side === 'stdio' && intoFolder) {
    return { message: `standard input needs a file name, but ${dest.arg} is a folder` };
  }
  // The name the user typed, as the original takes it: never a name the server chose.
  const name = baseName(source.loc);
  let to: Loc;
  let newName: string | undefined;
  if (dest.loc.side === 'stdio') {
    to = dest.loc;
  } else if (entry.kind === 'folder') {
    if (dest.entry?.kind === 'file') return { message: `cannot copy the folder ${source.arg} onto the file ${dest.arg}` };
    to = folderTarget(source, dest.loc);
    const contents = sameLoc(to, dest.loc);
    newName = contents ? (dest.entry === undefined ? baseName(dest.loc) : undefined) : name;
  } else if (intoFolder) {
    to = childLoc(dest.loc, name);
    newName = name;
  } else {
    // The original's rule: a recursive copy onto an existing file is an error, whatever the source.
    if (options.recursive && dest.entry?.kind === 'file') {
      return { message: `cannot copy recursively onto the file ${dest.arg}; leave out -r to replace it` };
    }
    to = dest.loc;
    newName = dest.entry === undefined ? baseName(dest.loc) : undefined;
  }
  if (newName !== undefined && to.side === 'remote') {
    const nameProblem = remoteNameProblem(newName);
    if (nameProblem) return { message: `${formatLoc(to)}: pCloud refuses ${nameProblem}` };
  }
  if (source.loc.side === 'remote' && to.side === 'remote') {
    if (entry.kind === 'file' && sameLoc(source.loc, to)) return { message: `${source.arg} and ${formatLoc(to)} are the same file` };
    if (entry.kind === 'folder' && isWithin(to, source.loc)) return { message: `cannot copy the folder ${source.arg} into itself` };
  }
  return { from: source.loc, entry, to, mayExist: dest.entry !== undefined && dest.loc.side !== 'stdio' };
}
