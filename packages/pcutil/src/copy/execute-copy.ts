import type { Reachability } from '@pcloud/core';
import { formatStep } from '../plan/format-step.js';
import type { CopyPlanStep, CopyStep, Loc, MkdirStep } from '../plan/types.js';
import { createCopySummary, type CopySummary } from '../report/copy-summary.js';
import type { Progress } from '../report/progress.js';
import { createOutageLatch } from '../remote/outage-latch.js';
import { copyFiles } from './copy-files.js';
import { startFolders } from './make-folders.js';

/** The side effects a copy plan needs; the real ones talk to pCloud and the disk. */
export interface CopyOperations {
  /** Creates a local directory or a pCloud folder whose parent exists. */
  mkdir(at: Loc): Promise<void>;
  /** Moves one file, verified; calls `onBytes` as bytes go; resolves to the bytes moved. */
  transfer(step: CopyStep, onBytes: (bytes: number) => void, signal: AbortSignal | undefined): Promise<number>;
  /**
   * Uploads several new small files in one request (batch-steps.ts says which), each verified on
   * its own; one outcome per step, in order: the bytes moved, or why that file is not there.
   */
  transferBatch?(
    steps: readonly CopyStep[],
    onBytes: (bytes: number) => void,
    signal: AbortSignal | undefined,
  ): Promise<Array<{ ok: true; bytes: number } | { ok: false; error: unknown }>>;
}

/** How to execute a plan. */
export interface ExecuteCopyOptions {
  /** Transfers at once (-j); undefined adapts to how pCloud keeps up (adaptive-lanes.ts). */
  jobs: number | undefined;
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
  /** Subscribes to the clients' retries of transient failures: each is pCloud pushing back. */
  onRetry?(listener: () => void): () => void;
}

/**
 * Executes a copy plan: reports its problems, creates folders (make-folders.ts: parents first,
 * siblings together) while it runs the file copies in parallel, each once its own folder is there (copy-files.ts: `jobs` at a time, or
 * as many as pCloud keeps up with; new small files up in batches; one at a time onto standard
 * output). A failed file is reported and the rest continue; files under a folder that could not be
 * created are reported as not copied. A file that failed on a transient error (after the client's
 * own retries) gets one more try once the others are done, so a burst of server errors costs a
 * retry, not a file. Once pCloud is judged gone, no folder or file is started any more, the
 * transfers in flight finish or fail, and what is left is counted as not copied (its failures are
 * the outage's, told once by the caller) instead of being tried again.
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
  const copies: CopyStep[] = [];
  const folders: MkdirStep[] = [];
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
    else folders.push(step);
  }
  const creation = startFolders(folders, { operations, options, summary, outage, fail });
  try {
    await copyFiles(copies, { operations, options, summary, outage, folders: creation, fail });
  } finally {
    await creation.done;
  }
  if (outage.unreachable) summary.unreachable = outage.unreachable;
  return summary;
}
