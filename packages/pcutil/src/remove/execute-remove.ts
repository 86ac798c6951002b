import { deleteFile, deleteFolder, deleteTree, type PCloudClient, type Reachability } from '@pcloud/core';
import { formatRemovedCounts, formatStep } from '../plan/format-step.js';
import { exactLoc, formatLoc } from '../plan/loc.js';
import type { RemovePlanStep, RemoveStep } from '../plan/types.js';
import { createOutageLatch, type Unreachable } from '../remote/outage-latch.js';
import { errorReason } from '../report/error-reason.js';

/** One removed item, as `rm --json` reports it. */
export interface Removed {
  path: string;
  type: 'file' | 'folder';
  /** For `rm -r`: what the server deleted, the folder itself included. */
  folders?: number;
  files?: number;
}

/** The outcome of `rm`. */
export interface RemoveOutcome {
  removed: Removed[];
  errors: string[];
  /** When pCloud went away: the paths left alone (the one in flight included when it failed for that). */
  notRemoved?: string[];
  /** Since when (ISO time) and why pCloud could not be reached, when that stopped the removal. */
  unreachable?: Unreachable;
  /** With filters: the files and folders they left alone. */
  filtered?: number;
}

/** Where rm's lines go. */
export interface RemoveOutput {
  /** Result lines (the `-r` counts, and with -v one line per removal). */
  say(line: string): void;
  /** One line per problem. */
  complain(line: string): void;
  verbose: boolean;
  /** The run's judgement of pCloud: once the server is judged gone, no further path is tried. */
  reachability?: Pick<Reachability, 'state'>;
}

/** Removes one pCloud file, empty folder or tree (by id when the plan has it); answers what the server says it removed. */
export async function removeOne(client: PCloudClient, step: RemoveStep): Promise<Removed> {
  const path = exactLoc(step.at);
  const byPath = { path: step.at.path };
  if (step.what === 'file') {
    await deleteFile(client, step.id === undefined ? byPath : { fileid: step.id });
    return { path, type: 'file' };
  }
  const folder = step.id === undefined ? byPath : { folderid: step.id };
  if (step.what === 'folder') {
    await deleteFolder(client, folder);
    return { path, type: 'folder' };
  }
  const counts = await deleteTree(client, folder);
  return { path, type: 'folder', folders: counts.deletedfolders, files: counts.deletedfiles };
}

/**
 * Executes an rm plan: `deletefile` for files, `deletefolder` for empty folders,
 * `deletefolderrecursive` for -r (printing the original's `PATH: N folder(s), M file(s) deleted.`).
 * A problem or a failed deletion is reported and the remaining paths are still processed, unless
 * pCloud is judged gone: then the rest is left alone and listed as not removed.
 */
export async function executeRemove(
  client: () => Promise<PCloudClient>,
  steps: readonly RemovePlanStep[],
  output: RemoveOutput,
): Promise<RemoveOutcome> {
  const outcome: RemoveOutcome = { removed: [], errors: [] };
  const outage = createOutageLatch(output.reachability);
  const leave = (step: RemoveStep): void => {
    outcome.unreachable ??= outage.unreachable;
    outcome.notRemoved ??= [];
    outcome.notRemoved.push(formatLoc(step.at));
  };
  const fail = (line: string): void => {
    outcome.errors.push(line);
    output.complain(line);
  };
  for (const step of steps) {
    if (step.op === 'problem') {
      fail(step.message);
      continue;
    }
    if (step.op === 'filtered') {
      outcome.filtered = (outcome.filtered ?? 0) + 1;
      if (output.verbose) output.say(formatStep(step) ?? '');
      continue;
    }
    if (outage.gone()) {
      leave(step);
      continue;
    }
    try {
      const removed = await removeOne(await client(), step);
      outcome.removed.push(removed);
      if (output.verbose) output.say(formatStep(step) ?? '');
      if (removed.folders !== undefined) output.say(formatRemovedCounts(formatLoc(step.at), removed.folders, removed.files ?? 0));
    } catch (error) {
      if (outage.stoppedBy(error)) leave(step);
      else fail(`${formatLoc(step.at)}: ${errorReason(error)}`);
    }
  }
  return outcome;
}
