import { PCloudError, type PCloudClient } from '@pcloud/core';
import { walkLocal, type WalkLocalOptions } from '../local/walk-local.js';
import { baseName, parentLoc, sameLoc } from '../plan/loc.js';
import type { DestSpec, SourceSpec, Target } from '../plan/resolve-targets.js';
import type { CopyOptions, Entry, FileEntry, FolderEntry, Loc } from '../plan/types.js';
import { findRemote, listRemoteFolder } from '../remote/remote-tree.js';
import type { ParsedArg } from './parse-arg.js';

/** The client, created on first use so that purely local checks never need credentials. */
export type GetClient = () => Promise<PCloudClient>;

const STDIN_ENTRY: FileEntry = { kind: 'file', name: '', size: undefined, mtime: undefined };

/** What is at a location: a folder wins over a same-named pCloud file; folders are listed (recursively when asked). */
async function find(loc: Loc, walk: WalkLocalOptions, getClient: GetClient): Promise<Entry | undefined> {
  if (loc.side === 'stdio') return undefined;
  if (loc.side === 'local') return walkLocal(loc.path, baseName(loc), walk);
  return findRemote(await getClient(), loc.path, walk.recursive);
}

/**
 * Looks up a SOURCE (its whole tree with -r; links to folders inside it are followed only with
 * -L). `descends` keeps a local walk out of folders a filter excludes.
 */
export async function lookUpSource(
  parsed: ParsedArg,
  options: Pick<CopyOptions, 'recursive' | 'followLinks'>,
  getClient: GetClient,
  descends?: (relativePath: string) => boolean,
): Promise<SourceSpec> {
  const walk: WalkLocalOptions = {
    recursive: options.recursive,
    followLinks: options.followLinks === true,
    ...(descends ? { descends } : {}),
  };
  const entry = parsed.loc.side === 'stdio' ? STDIN_ENTRY : await find(parsed.loc, walk, getClient);
  return { arg: parsed.arg, loc: parsed.loc, trailingSlash: parsed.trailingSlash, entry };
}

/** Looks up DEST: what is there (one level), or which ancestors are missing and whether a file blocks the way. */
export async function lookUpDest(parsed: ParsedArg, getClient: GetClient): Promise<DestSpec> {
  const dest: DestSpec = { arg: parsed.arg, loc: parsed.loc, trailingSlash: parsed.trailingSlash, entry: undefined, missingParents: [] };
  if (parsed.loc.side === 'stdio') return dest;
  const entry = await find(parsed.loc, { recursive: false }, getClient);
  if (entry?.kind === 'problem') throw new PCloudError('LOCAL_IO_ERROR', `${parsed.arg}: ${entry.message}`);
  dest.entry = entry;
  if (entry !== undefined) return dest;
  return { ...dest, ...(await findMissingParents(parsed.loc, getClient)) };
}

/** For a location where nothing is: its ancestors that are missing too (outermost first), up to the first folder, or the file that blocks the way. */
export async function findMissingParents(loc: Loc, getClient: GetClient): Promise<{ missingParents: Loc[]; blockedBy?: Loc }> {
  const missingParents: Loc[] = [];
  for (let parent = parentLoc(loc); parent !== undefined; parent = parentLoc(parent)) {
    const found = await find(parent, { recursive: false }, getClient);
    if (found?.kind === 'folder') break;
    if (found !== undefined) return { missingParents, blockedBy: parent };
    missingParents.unshift(parent);
  }
  return { missingParents };
}

/**
 * What already exists where a target lands, listed deep enough to plan it: the file there, or the
 * folder's whole tree. Uses DEST's one-level listing where it can to save calls.
 */
export async function lookUpExisting(target: Target, dest: DestSpec, getClient: GetClient): Promise<Entry | undefined> {
  if (!target.mayExist || target.to.side === 'stdio') return undefined;
  const deep = target.entry.kind === 'folder';
  // Links to folders inside the destination are the user's own: files land where they lead, as with cp.
  if (target.to.side === 'local') return walkLocal(target.to.path, baseName(target.to), { recursive: deep, followLinks: true });
  const client = await getClient();
  if (sameLoc(target.to, dest.loc)) {
    if (!deep || dest.entry?.kind !== 'folder') return dest.entry;
    return dest.entry.id === undefined
      ? findRemote(client, target.to.path, true)
      : listRemoteFolder(client, { folderid: dest.entry.id }, true);
  }
  const siblings = dest.entry?.kind === 'folder' ? dest.entry.children : undefined;
  if (siblings === undefined) return findRemote(client, target.to.path, deep);
  const name = baseName(target.to);
  const named = siblings.filter((child): child is FileEntry | FolderEntry => child.name === name && child.kind !== 'problem');
  // A folder landing where only a file of its name is must be refused, so the file counts for a folder.
  const match = named.find((child) => child.kind === target.entry.kind) ?? (deep ? named[0] : undefined);
  if (match?.kind === 'folder' && match.id !== undefined) return listRemoteFolder(client, { folderid: match.id }, true);
  return match;
}
