import { isTransientError, type Reachability } from '@pcloud/core';
import { formatStep } from '../plan/format-step.js';
import { baseName, formatLoc, isWithin } from '../plan/loc.js';
import type { CopyPlanStep, CopyStep, Loc } from '../plan/types.js';
import { createCopySummary, type CopySummary } from '../report/copy-summary.js';
import type { Progress } from '../report/progress.js';
import { createOutageLatch } from '../remote/outage-latch.js';
import { runPool } from './run-pool.js';
import { errorReason } from '../report/error-reason.js';

/** The side effects a copy plan needs; the real ones talk to pCloud and the disk. */
export interface CopyOperations {
  /** Creates a local directory or a pCloud folder whose parent exists. */
  mkdir(at: Loc): Promise<void>;
  /** Moves one file, verified; calls `onBytes` as bytes go; resolves to the bytes moved. */
  transfer(step: CopyStep, onBytes: (bytes: number) => void, signal: AbortSignal | undefined): Promise<number>;
}

/** How to execute a plan. */
export interface ExecuteCopyOptions {
  jobs: number;
  verbose: boolean;
  /** Live progress; -v action lines go through it too (standard error), so they never tear it. */
  progress: Progress;
  /** Reports one problem line on standard error. */
  complain(line: string): void;
  signal?: AbortSignal;
  /** The run's judgement of pCloud: once the server is judged gone, nothing new starts. */
  reachability?: Pick<Reachability, 'state'>;
  /** Told of each file copied and verified (sync counts new and replaced files apart). */
  onCopied?: (step: CopyStep) => void;
}

/**
 * Executes a copy plan: reports its problems, creates folders in plan order (parents first), then
 * runs the file copies in parallel (`jobs` at a time; one at a time onto standard output, to keep
 * the bytes in order). A failed file is reported and the rest continue; files under a folder that
 * could not be created are reported as not copied. A file that failed on a transient error (after
 * the client's own retries) gets one more try once the others are done, so a burst of server
 * errors costs a retry, not a file. Once pCloud is judged gone, no folder or file is started any
 * more, the transfers in flight finish or fail, and what is left is counted as not copied (its
 * failures are the outage's, told once by the caller) instead of being tried again.
 */
export async function executeCopy(
  steps: readonly CopyPlanStep[],
  operations: CopyOperations,
  options: ExecuteCopyOptions,
): Promise<CopySummary> {
  const summary = createCopySummary();
  const outage = createOutageLatch(options.reachability);
  const fail = (line: string): void => {
    summary.failed += 1;
    summary.errors.push(line);
    options.complain(line);
  };
  const failedFolders: Loc[] = [];
  const copies: CopyStep[] = [];
  for (const step of steps) {
    if (step.op === 'problem') {
      if (step.severity === 'warning') {
        if (step.linkNotFollowed) summary.linksNotFollowed += 1;
        else summary.warnings += 1;
        options.complain(`warning: ${step.message}`);
      } else fail(step.message);
    } else if (step.op === 'skip') {
      summary.skipped += 1;
      if (options.verbose) options.progress.line(formatStep(step) ?? '');
    } else if (step.op === 'filtered') {
      summary.filtered += 1;
      if (options.verbose) options.progress.line(formatStep(step) ?? '');
    } else if (step.op === 'copy') copies.push(step);
    else if (!options.signal?.aborted && !outage.gone()) {
      if (failedFolders.some((folder) => isWithin(step.at, folder))) continue;
      try {
        await operations.mkdir(step.at);
        summary.folders += 1;
        if (options.verbose) options.progress.line(formatStep(step) ?? '');
      } catch (error) {
        failedFolders.push(step.at);
        if (!outage.stoppedBy(error)) fail(`${formatStep(step)}: ${errorReason(error)}`);
      }
    }
  }
  const toStdout = copies.some((step) => step.to.side === 'stdio');
  const jobs = toStdout ? 1 : options.jobs;
  const again: CopyStep[] = [];
  const copy = async (step: CopyStep, lastTry: boolean): Promise<void> => {
    const blocked = failedFolders.find((folder) => isWithin(step.to, folder));
    if (blocked) return fail(`${formatStep(step)}: not copied, ${formatLoc(blocked)} could not be created`);
    const name = baseName(step.from) || formatLoc(step.from);
    options.progress.start(name);
    try {
      const moved = await operations.transfer(step, (bytes) => options.progress.advance(bytes), options.signal);
      summary.bytes += moved;
      summary.files += 1;
      options.onCopied?.(step);
      if (options.verbose) options.progress.line(formatStep(step) ?? '');
    } catch (error) {
      // Standard input cannot be read twice; anything else transient is tried again at the end.
      if (outage.stoppedBy(error)) summary.notCopied += 1;
      else if (!lastTry && step.from.side !== 'stdio' && isTransientError(error) && !options.signal?.aborted) again.push(step);
      else fail(`${formatStep(step)}: ${errorReason(error)}`);
    } finally {
      options.progress.end(name);
    }
  };
  const started = await runPool(copies, jobs, (step) => copy(step, false), options.signal, outage.gone);
  if (outage.gone()) summary.notCopied += copies.length - started + again.length;
  else if (again.length > 0 && !options.signal?.aborted) {
    if (options.verbose) options.progress.line(`trying ${again.length} file(s) again after transient errors`);
    const retried = await runPool(again, jobs, (step) => copy(step, true), options.signal, outage.gone);
    summary.notCopied += again.length - retried;
  }
  if (outage.unreachable) summary.unreachable = outage.unreachable;
  return summary;
}
