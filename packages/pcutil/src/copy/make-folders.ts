import { formatStep } from '../plan/format-step.js';
import { isWithin, parentLoc } from '../plan/loc.js';
import type { Loc, MkdirStep } from '../plan/types.js';
import type { CopySummary } from '../report/copy-summary.js';
import { errorReason } from '../report/error-reason.js';
import type { OutageLatch } from '../remote/outage-latch.js';
import type { CopyOperations, ExecuteCopyOptions } from './execute-copy.js';
import { runPool } from './run-pool.js';

/** Folders created at once: each costs a round trip, and siblings do not wait for each other. */
export const FOLDER_LANES = 8;

/**
 * Creates a plan's folders, several at a time: a folder waits only for its parent (when the plan
 * creates that too), so siblings go together and a tree costs a round trip per level, not per
 * folder. A folder under one that could not be created is not tried; once pCloud is judged gone
 * or the run is aborted, nothing new starts. Answers the folders that could not be created.
 */
export async function makeFolders(
  steps: readonly MkdirStep[],
  context: { operations: CopyOperations; options: ExecuteCopyOptions; summary: CopySummary; outage: OutageLatch; fail(line: string): void },
): Promise<Loc[]> {
  const { operations, options, summary, outage } = context;
  const failed: Loc[] = [];
  const made = new Map<string, Promise<void>>();
  const make = async (step: MkdirStep): Promise<void> => {
    const parent = parentLoc(step.at);
    await (parent ? made.get(`${parent.side}:${parent.path}`) : undefined);
    if (options.signal?.aborted || outage.gone() || failed.some((folder) => isWithin(step.at, folder))) return;
    try {
      await operations.mkdir(step.at);
      summary.folders += 1;
      if (options.verbose) options.progress.line(formatStep(step) ?? '');
    } catch (error) {
      failed.push(step.at);
      if (!outage.stoppedBy(error)) context.fail(`${formatStep(step)}: ${errorReason(error)}`);
    }
  };
  await runPool(
    steps,
    FOLDER_LANES,
    (step) => {
      const done = make(step);
      made.set(`${step.at.side}:${step.at.path}`, done);
      return done;
    },
    options.signal,
    outage.gone,
  );
  return failed;
}
