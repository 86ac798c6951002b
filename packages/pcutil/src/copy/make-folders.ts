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

/** The folders of a plan being created, which the file copies wait on one by one. */
export interface FolderCreation {
  /**
   * Resolves once the folder at `at` is settled: created, failed, or not in the plan (at once).
   * Answers the folder that could not be created and keeps `at` from being filled, if any.
   */
  ready(at: Loc): Promise<Loc | undefined>;
  /** Resolves once every folder is settled (or will never be tried); answers those that could not be created. */
  readonly done: Promise<Loc[]>;
}

const key = (loc: Loc): string => `${loc.side}:${loc.path}`;

/**
 * Creates a plan's folders, several at a time: a folder waits only for its parent (when the plan
 * creates that too), so siblings go together and a tree costs a round trip per level, not per
 * folder. The files need not wait for the whole tree: each waits for its own folder (`ready`), so
 * the first uploads go while deeper or later folders are still being made. A folder under one
 * that could not be created is not tried; once pCloud is judged gone or the run is aborted,
 * nothing new starts and what was not tried is settled as it is.
 */
export function startFolders(
  steps: readonly MkdirStep[],
  context: { operations: CopyOperations; options: ExecuteCopyOptions; summary: CopySummary; outage: OutageLatch; fail(line: string): void },
): FolderCreation {
  const { operations, options, summary, outage } = context;
  const failed: Loc[] = [];
  const settled = new Map<string, { promise: Promise<void>; settle: () => void }>();
  for (const step of steps) {
    let settle = (): void => undefined;
    const promise = new Promise<void>((resolve) => (settle = resolve));
    settled.set(key(step.at), { promise, settle });
  }
  const blocking = (at: Loc): Loc | undefined => failed.find((folder) => isWithin(at, folder));
  const make = async (step: MkdirStep): Promise<void> => {
    const parent = parentLoc(step.at);
    await (parent ? settled.get(key(parent))?.promise : undefined);
    if (options.signal?.aborted || outage.gone() || blocking(step.at)) return;
    try {
      await operations.mkdir(step.at);
      summary.folders += 1;
      if (options.verbose) options.progress.line(formatStep(step) ?? '');
    } catch (error) {
      failed.push(step.at);
      if (!outage.stoppedBy(error)) context.fail(`${formatStep(step)}: ${errorReason(error)}`);
    }
  };
  const done = runPool(
    steps,
    FOLDER_LANES,
    (step) => make(step).finally(() => settled.get(key(step.at))?.settle()),
    options.signal,
    outage.gone,
  ).then(() => {
    // Folders the pool never started (abort, outage) must not keep files waiting.
    for (const { settle } of settled.values()) settle();
    return failed;
  });
  return {
    async ready(at) {
      await settled.get(key(at))?.promise;
      return blocking(at);
    },
    done,
  };
}
