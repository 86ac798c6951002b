import { deleteFile } from '@pcloud/core';
import { rm } from 'node:fs/promises';
import type { CopyStderr, RunCopyDeps } from '../copy/copy-request.js';
import { ADAPTIVE_LANES } from '../copy/adaptive-lanes.js';
import { createCopyProgress } from '../copy/copy-progress.js';
import { executeWithProgress } from '../copy/execute-with-progress.js';
import { deletionCount, type Leftover, type SyncPlan } from '../plan/plan-sync.js';
import type { CopyStep } from '../plan/types.js';
import { deletionRefusal } from './deletion-gate.js';
import { executeDeletions } from './execute-deletions.js';
import type { FileDigests } from './file-digests.js';
import type { RunSyncRequest } from './sync-request.js';
import type { SyncSummary } from './sync-summary.js';

/** Removes the temporary files interrupted earlier runs left beside this sync's files (found in the listing: no call to find them). */
async function sweep(leftovers: readonly Leftover[], deps: Pick<RunCopyDeps, 'client'>): Promise<number> {
  let removed = 0;
  for (const { at, id } of leftovers) {
    try {
      if (at.side === 'local') await rm(at.path, { force: true });
      else await deleteFile(await deps.client(), id === undefined ? { path: at.path } : { fileid: id });
      removed += 1;
    } catch {
      // Best effort, as cp's sweep: a leftover that stays is only clutter.
    }
  }
  return removed;
}

/**
 * The real run of a sync plan: sweep the leftovers of interrupted runs, run cp's steps with cp's
 * engine and progress (verified transfers, temporary names, retries, the outage judgement),
 * then, when every one of them succeeded, the deletions. Answers everything but the time.
 */
export async function executeSync(
  plan: SyncPlan,
  request: RunSyncRequest,
  deps: RunCopyDeps,
  digests: FileDigests | undefined,
): Promise<Omit<SyncSummary, 'seconds' | 'bytesPerSecond'>> {
  const swept = await sweep(plan.leftovers, deps);
  const progress = createCopyProgress(plan.steps, deps.io.stderr as CopyStderr);
  if (swept > 0 && request.verbose) progress.line(`removed ${swept} temporary file(s) an interrupted earlier sync left`);
  let updated = 0;
  const verified: Array<{ step: CopyStep; sha1: string; remote: { fileid: number; hash: bigint } }> = [];
  // Unchanged files are counted, not handed to the engine: -v tells what changes, not what stays.
  const work = plan.steps.filter((step) => step.op !== 'skip');
  const copied = await executeWithProgress(work, progress, { ...request, inPlace: false }, deps, {
    onCopied: (step) => {
      if (step.existing !== undefined) updated += 1;
    },
    ...(digests ? { onVerified: (step, sha1, remote) => void verified.push({ step, sha1, remote }) } : {}),
  });
  await digests?.rememberTransfers(verified);
  const refusal = deletionRefusal({
    plan,
    maxDelete: request.maxDelete,
    failed: copied.failed,
    notCopied: copied.notCopied,
    interrupted: deps.signal.aborted,
  });
  const deletions =
    refusal === undefined && plan.deletions.length > 0
      ? await executeDeletions(plan.deletions, {
          client: deps.client,
          jobs: request.jobs ?? ADAPTIVE_LANES.start,
          verbose: request.verbose,
          say: (line) => deps.io.stderr.write(`${line}\n`),
          complain: (line) => deps.io.stderr.write(`pcutil: ${line}\n`),
          signal: deps.signal,
          ...(deps.reachability ? { reachability: deps.reachability } : {}),
        })
      : undefined;
  const unreachable = copied.unreachable ?? deletions?.unreachable;
  return {
    copied: copied.files - updated,
    updated,
    deleted: deletions?.deleted ?? 0,
    unchanged: plan.steps.length - work.length,
    filtered: plan.filtered,
    failed: copied.failed + (deletions?.failed ?? 0),
    folders: copied.folders,
    linksNotFollowed: copied.linksNotFollowed,
    warnings: copied.warnings,
    notCopied: copied.notCopied,
    notDeleted: refusal === undefined ? (deletions?.notDeleted ?? 0) : deletionCount(plan.deletions),
    ...(refusal === undefined ? {} : { deletionSkipped: refusal }),
    onlyInDest: plan.onlyInDest,
    ...(unreachable ? { unreachable } : {}),
    bytes: copied.bytes,
    errors: [...copied.errors, ...(deletions?.errors ?? [])],
  };
}
