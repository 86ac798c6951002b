import type { PCloudClient } from '@pcloud/core';
import { formatRemovedCounts, formatStep } from '../plan/format-step.js';
import { formatLoc } from '../plan/loc.js';
import type { RemovePlanStep, RemoveStep } from '../plan/types.js';

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
}

/** Where rm's lines go. */
export interface RemoveOutput {
  /** Result lines (the `-r` counts, and with -v one line per removal). */
  say(line: string): void;
  /** One line per problem. */
  complain(line: string): void;
  verbose: boolean;
}

async function removeOne(client: PCloudClient, step: RemoveStep): Promise<Removed> {
  const path = formatLoc(step.at);
  const ref = step.id === undefined ? { path: step.at.path } : step.what === 'file' ? { fileid: step.id } : { folderid: step.id };
  if (step.what === 'file') {
    await client.call('deletefile', ref as { fileid: number } | { path: string });
    return { path, type: 'file' };
  }
  if (step.what === 'folder') {
    await client.call('deletefolder', ref as { folderid: number } | { path: string });
    return { path, type: 'folder' };
  }
  const counts = await client.call('deletefolderrecursive', ref as { folderid: number } | { path: string });
  return { path, type: 'folder', folders: counts.deletedfolders, files: counts.deletedfiles };
}

/**
 * Executes an rm plan: `deletefile` for files, `deletefolder` for empty folders,
 * `deletefolderrecursive` for -r (printing the original's `PATH: N folder(s), M file(s) deleted.`).
 * A problem or a failed deletion is reported and the remaining paths are still processed.
 */
export async function executeRemove(client: () => Promise<PCloudClient>, steps: readonly RemovePlanStep[], output: RemoveOutput): Promise<RemoveOutcome> {
  const outcome: RemoveOutcome = { removed: [], errors: [] };
  const fail = (line: string): void => {
    outcome.errors.push(line);
    output.complain(line);
  };
  for (const step of steps) {
    if (step.op === 'problem') {
      fail(step.message);
      continue;
    }
    try {
      const removed = await removeOne(await client(), step);
      outcome.removed.push(removed);
      if (output.verbose) output.say(formatStep(step) ?? '');
      if (removed.folders !== undefined) output.say(formatRemovedCounts(removed.path, removed.folders, removed.files ?? 0));
    } catch (error) {
      fail(`${formatLoc(step.at)}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return outcome;
}
