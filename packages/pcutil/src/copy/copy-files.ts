import { isTransientError } from '@pcloud/core/internal';
import { formatStep } from '../plan/format-step.js';
import { baseName, formatLoc, parentLoc } from '../plan/loc.js';
import type { CopyStep, Loc } from '../plan/types.js';
import type { CopySummary } from '../report/copy-summary.js';
import { errorReason } from '../report/error-reason.js';
import type { OutageLatch } from '../remote/outage-latch.js';
import { ADAPTIVE_LANES, createAdaptiveLanes, fixedLanes, type Lanes } from './adaptive-lanes.js';
import { batchSteps } from './batch-steps.js';
import { keepHeapCompact } from './compact-heap.js';
import type { CopyOperations, ExecuteCopyOptions } from './execute-copy.js';
import type { FolderCreation } from './make-folders.js';
import { runPool, type PoolLimits } from './run-pool.js';

/** Files this big or bigger move at most BIG_FILE_LANES at a time when the lanes adapt: bandwidth, not round trips, limits them. */
export const BIG_FILE = 8 * 1024 ** 2;
const BIG_FILE_LANES = 4;

/** What the file copies of a plan share with the rest of its execution. */
export interface CopyFilesContext {
  operations: CopyOperations;
  options: ExecuteCopyOptions;
  summary: CopySummary;
  outage: OutageLatch;
  /** The plan's folders, being created: a copy waits for its own folder, and none goes into one that could not be created. */
  folders: Pick<FolderCreation, 'ready'>;
  fail(line: string): void;
}

/**
 * The file copies of a plan, in parallel: `-j` lanes, or lanes that adapt (adaptive-lanes.ts), with
 * big files few at a time; one at a time onto standard output. New small uploads go in batches
 * (batch-steps.ts); a file a batch could not place is copied on its own. Every transient failure,
 * retried by a client or not, halves the lanes for a while. A file that failed on a transient error
 * is tried once more at the end; once pCloud is judged gone, nothing new starts and what is left
 * counts as not copied.
 */
export async function copyFiles(copies: readonly CopyStep[], context: CopyFilesContext): Promise<void> {
  const { operations, options, summary, outage } = context;
  if (copies.length > 0) keepHeapCompact();
  const toStdout = copies.some((step) => step.to.side === 'stdio');
  const adaptive = !toStdout && options.jobs === undefined;
  const lanes: Lanes = adaptive ? createAdaptiveLanes(ADAPTIVE_LANES) : fixedLanes(toStdout ? 1 : (options.jobs ?? 1));
  const limits: PoolLimits<readonly CopyStep[]> = {
    lanes: () => lanes.limit,
    ...(adaptive ? { heavy: { is: (item) => (item[0]?.source.size ?? 0) >= BIG_FILE, limit: BIG_FILE_LANES } } : {}),
  };
  const pushedBack = (): void => {
    if (lanes.throttled() && options.verbose) options.progress.line(`pCloud is pushing back: ${lanes.limit} transfer(s) at a time for now`);
  };
  const unsubscribe = options.onRetry?.(pushedBack);
  try {
    const copier = createCopier(context, lanes, pushedBack);
    const items = operations.transferBatch && !toStdout ? batchSteps(copies) : copies.map((step) => [step]);
    await runPool(
      items,
      limits,
      (item) => (item.length > 1 ? copier.batch(item) : copier.one(item[0] as CopyStep, false)),
      options.signal,
      outage.gone,
    );
    if (outage.gone()) summary.notCopied += copies.length - copier.attempted.size + copier.again.length;
    else if (copier.again.length > 0 && !options.signal?.aborted) {
      const again = copier.again.splice(0);
      if (options.verbose) options.progress.line(`trying ${again.length} file(s) again after transient errors`);
      copier.attempted.clear();
      await runPool(
        again.map((step) => [step]),
        limits,
        (item) => copier.one(item[0] as CopyStep, true),
        options.signal,
        outage.gone,
      );
      summary.notCopied += again.length - copier.attempted.size;
    }
  } finally {
    unsubscribe?.();
  }
}

/** Copies one file or one batch, keeping the summary, the progress and the lanes up to date. */
function createCopier(context: CopyFilesContext, lanes: Lanes, pushedBack: () => void) {
  const { operations, options, summary, outage, fail } = context;
  const attempted = new Set<CopyStep>();
  const again: CopyStep[] = [];
  const copied = (step: CopyStep, bytes: number): void => {
    summary.bytes += bytes;
    summary.files += 1;
    options.onCopied?.(step);
    lanes.done();
    if (options.verbose) options.progress.line(formatStep(step) ?? '');
  };
  const failed = (step: CopyStep, error: unknown, lastTry: boolean): void => {
    if (isTransientError(error)) pushedBack();
    // Standard input cannot be read twice; anything else transient is tried again at the end.
    if (outage.stoppedBy(error)) summary.notCopied += 1;
    else if (!lastTry && step.from.side !== 'stdio' && isTransientError(error) && !options.signal?.aborted) again.push(step);
    else fail(`${formatStep(step)}: ${errorReason(error)}`);
  };
  /** Waits for the folder of `step`; answers the folder that keeps it out, if any. */
  const blockedBy = (step: CopyStep): Promise<Loc | undefined> => {
    const parent = parentLoc(step.to);
    return parent ? context.folders.ready(parent) : Promise.resolve(undefined);
  };
  /** Once the run stops while a copy waited for its folder, the copy counts as never started. */
  const stopping = (): boolean => outage.gone() || options.signal?.aborted === true;
  const nameOf = (step: CopyStep): string => baseName(step.from) || formatLoc(step.from);

  const one = async (step: CopyStep, lastTry: boolean): Promise<void> => {
    attempted.add(step);
    const blocked = await blockedBy(step);
    if (stopping()) return void attempted.delete(step);
    if (blocked) return context.fail(`${formatStep(step)}: not copied, ${formatLoc(blocked)} could not be created`);
    const name = nameOf(step);
    options.progress.start(name);
    try {
      copied(step, await operations.transfer(step, (bytes) => options.progress.advance(bytes), options.signal));
    } catch (error) {
      failed(step, error, lastTry);
    } finally {
      options.progress.end(name);
    }
  };

  const batch = async (steps: readonly CopyStep[]): Promise<void> => {
    const transferBatch = operations.transferBatch;
    for (const step of steps) attempted.add(step);
    const blocked = await blockedBy(steps[0] as CopyStep);
    if (stopping()) {
      for (const step of steps) attempted.delete(step);
      return;
    }
    // A batch shares one folder: blocked or not, its files go the one-by-one way.
    if (!transferBatch || blocked) {
      for (const step of steps) await one(step, false);
      return;
    }
    const names = steps.map(nameOf);
    for (const name of names) options.progress.start(name);
    let leftovers: CopyStep[] = [];
    try {
      const outcomes = await transferBatch(steps, (bytes) => options.progress.advance(bytes), options.signal);
      steps.forEach((step, at) => {
        const outcome = outcomes[at];
        if (outcome?.ok) copied(step, outcome.bytes);
        else {
          if (isTransientError(outcome?.error)) pushedBack();
          leftovers.push(step);
        }
      });
    } catch {
      leftovers = [...steps];
    } finally {
      for (const name of names) options.progress.end(name);
    }
    // What the batch could not place goes on its own, unless the run is stopping (then it is not copied).
    for (const step of leftovers) {
      if (outage.gone() || options.signal?.aborted) attempted.delete(step);
      else await one(step, false);
    }
  };

  return { one, batch, attempted, again };
}
