import { runPool } from '../copy/run-pool.js';
import type { CopyPlanStep, CopyStep } from '../plan/types.js';
import type { FileDigests } from './file-digests.js';

/**
 * For --checksum: the planned copies of files whose size matches (reason `checksum`) become
 * skips when both sides have the same sha1. A sha1 that cannot be had leaves the copy planned,
 * which is always safe.
 */
export async function settleChecksums(
  steps: readonly CopyPlanStep[],
  digests: FileDigests,
  jobs: number,
  signal?: AbortSignal,
): Promise<CopyPlanStep[]> {
  const candidates = steps.filter(
    (step): step is CopyStep => step.op === 'copy' && step.reason === 'checksum' && step.existing !== undefined,
  );
  const same = new Set<CopyStep>();
  await runPool(
    candidates,
    jobs,
    async (step) => {
      try {
        const [ours, theirs] = await Promise.all([digests.sha1(step.from, step.source), digests.sha1(step.to, step.existing!)]);
        if (ours === theirs) same.add(step);
      } catch {
        // Unknown checksum: the file is copied again.
      }
    },
    signal,
  );
  return steps.map((step) =>
    step.op === 'copy' && same.has(step) ? { op: 'skip', from: step.from, to: step.to, reason: 'unchanged' } : step,
  );
}
