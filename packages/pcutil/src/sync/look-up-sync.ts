import { PCloudError, remoteNameProblem } from '@pcloud/core';
import { findMissingParents, type GetClient, lookUpSource } from '../copy/look-up.js';
import { parseArg } from '../copy/parse-arg.js';
import type { ExpandEnvironment } from '../local/expand-path.js';
import { walkLocal } from '../local/walk-local.js';
import { baseName, formatLoc, isWithin, sameLoc } from '../plan/loc.js';
import type { SyncTrees } from '../plan/plan-sync.js';
import { assertOneSideRemote, folderTarget } from '../plan/resolve-targets.js';
import type { Entry, Loc } from '../plan/types.js';
import { findRemote } from '../remote/remote-tree.js';

const usage = (message: string): PCloudError => new PCloudError('USAGE_ERROR', message);

/** What is at the target, its whole tree: one walk of the disk, or one recursive listing on pCloud. */
async function findTree(at: Loc, getClient: GetClient): Promise<Entry | undefined> {
  if (at.side === 'local') return walkLocal(at.path, baseName(at), { recursive: true, followLinks: true });
  return findRemote(await getClient(), at.path, true);
}

/**
 * Reads SOURCE and DEST and lists both trees at once, one recursive listing per side: SOURCE must be a
 * folder; its target in DEST is placed by cp's trailing-slash rule (`tree` lands in DEST/tree,
 * `tree/` fills DEST), whether or not DEST exists, so a mirror never depends on what was there.
 * Only when the target is missing are its parents looked up, to be created. One side must be
 * on pCloud; on pCloud, neither side may hold the other.
 */
export async function lookUpSync(
  paths: readonly string[],
  options: { followLinks: boolean },
  environment: ExpandEnvironment,
  getClient: GetClient,
): Promise<SyncTrees> {
  if (paths.length !== 2) throw usage(`sync takes a SOURCE and a DEST folder (got ${paths.length} path${paths.length === 1 ? '' : 's'})`);
  const [sourceArg, destArg] = paths.map((path) => parseArg(path, environment)) as [
    ReturnType<typeof parseArg>,
    ReturnType<typeof parseArg>,
  ];
  for (const arg of [sourceArg, destArg]) {
    if (arg.loc.side === 'stdio') throw usage('sync copies folders: - (standard input or output) cannot be its SOURCE or DEST');
  }
  assertOneSideRemote([sourceArg], destArg);
  const to = folderTarget(sourceArg, destArg.loc);
  if (sourceArg.loc.side === 'remote' && to.side === 'remote' && (isWithin(to, sourceArg.loc) || isWithin(sourceArg.loc, to))) {
    throw usage(`${sourceArg.arg} and ${formatLoc(to)} overlap: one cannot be synced into the other`);
  }
  const nameProblem = to.side === 'remote' && !sameLoc(to, destArg.loc) ? remoteNameProblem(baseName(to)) : undefined;
  if (nameProblem) throw usage(`${formatLoc(to)}: pCloud refuses ${nameProblem}`);
  // Both sides at once: the disk is walked while pCloud answers.
  const [source, existing] = await Promise.all([
    lookUpSource(sourceArg, { recursive: true, followLinks: options.followLinks }, getClient),
    findTree(to, getClient),
  ]);
  const entry = source.entry;
  if (entry === undefined) throw new PCloudError('NOT_FOUND', `${sourceArg.arg}: no such folder`);
  if (entry.kind === 'problem') throw new PCloudError('LOCAL_IO_ERROR', `${sourceArg.arg}: ${entry.message}`);
  if (entry.kind === 'file') throw usage(`${sourceArg.arg} is a file; sync mirrors folders (pcutil cp copies a file)`);
  if (existing?.kind === 'problem') throw new PCloudError('LOCAL_IO_ERROR', `${formatLoc(to)}: ${existing.message}`);
  if (existing?.kind === 'file') throw usage(`${formatLoc(to)} is a file, not a folder to sync into`);
  if (existing !== undefined) return { from: sourceArg.loc, source: entry, to, existing, prelude: [] };
  const missing = await findMissingParents(to, getClient);
  if (missing.blockedBy) throw usage(`${formatLoc(missing.blockedBy)} is a file, not a folder`);
  return {
    from: sourceArg.loc,
    source: entry,
    to,
    existing: undefined,
    prelude: missing.missingParents.map((at) => ({ op: 'mkdir', at })),
  };
}
