import { rm, rmdir } from 'node:fs/promises';
import type { PCloudClient, Reachability } from '@pcloud/core';
import { formatStep } from '../plan/format-step.js';
import type { RemoveStep } from '../plan/types.js';
import { createOutageLatch, type Unreachable } from '../remote/outage-latch.js';
import { removeOne } from '../remove/execute-remove.js';
import { runPool } from '../copy/run-pool.js';
import { errorReason } from '../report/error-reason.js';

/** What the deletion step did. */
export interface DeletionOutcome {
  /** Files and folders removed, a folder's contents included. */
  deleted: number;
  failed: number;
  errors: string[];
  /** Files and folders left because pCloud went away or the run was interrupted. */
  notDeleted: number;
  unreachable?: Unreachable;
}

/** How to run the deletions. */
export interface ExecuteDeletionsOptions {
  client(): Promise<PCloudClient>;
  jobs: number;
  verbose: boolean;
  /** A -v line. */
  say(line: string): void;
  /** A problem line. */
  complain(line: string): void;
  signal?: AbortSignal;
  reachability?: Pick<Reachability, 'state'>;
}

/** Removes one local item; answers how many files and folders went. */
async function removeLocal(step: RemoveStep): Promise<number> {
  // A link is removed itself, never what it points to (fs.rm does not follow links).
  if (step.what === 'folder') await rmdir(step.at.path);
  else await rm(step.at.path, { recursive: step.what === 'tree', force: true });
  return step.items ?? 1;
}

/**
 * Runs sync's deletions, `jobs` at a time: pCloud items by id (`deletefile`,
 * `deletefolderrecursive`), local ones from the disk. A failed deletion is reported and the
 * others go on; once pCloud is judged gone, nothing new starts and what is left is counted as
 * not deleted.
 */
export async function executeDeletions(deletions: readonly RemoveStep[], options: ExecuteDeletionsOptions): Promise<DeletionOutcome> {
  const outcome: DeletionOutcome = { deleted: 0, failed: 0, errors: [], notDeleted: 0 };
  const outage = createOutageLatch(options.reachability);
  const started = await runPool(
    deletions,
    options.jobs,
    async (step) => {
      try {
        let removed = 1;
        if (step.at.side === 'local') removed = await removeLocal(step);
        else {
          const answer = await removeOne(await options.client(), step);
          if (answer.folders !== undefined) removed = answer.folders + (answer.files ?? 0);
        }
        outcome.deleted += removed;
        if (options.verbose) options.say(formatStep(step) ?? '');
      } catch (error) {
        if (outage.stoppedBy(error) || options.signal?.aborted) outcome.notDeleted += step.items ?? 1;
        else {
          const line = `${formatStep(step)}: ${errorReason(error)}`;
          outcome.failed += 1;
          outcome.errors.push(line);
          options.complain(line);
        }
      }
    },
    options.signal,
    outage.gone,
  );
  for (const step of deletions.slice(started)) outcome.notDeleted += step.items ?? 1;
  if (outage.unreachable) outcome.unreachable = outage.unreachable;
  return outcome;
}
