/**
 * Which copies go up together in one `uploadfile` request: small local files bound for the same
 * folder with the same modification time, in plan order, a few at a time; new ones, and ones that
 * replace a file (core's uploadBatch sends those under a temporary name and moves each over its
 * old file once verified, as a single upload does). Anything else is a work item of its own. Batches stay small in files and bytes: each file of a batch is held in memory while it is
 * sent, and a batch that fails is sent again file by file.
 */
import { parentLoc } from '../plan/loc.js';
import type { CopyStep } from '../plan/types.js';

/** Files of at most this size may share a request. */
export const BATCH_FILE_LIMIT = 256 * 1024;
/** At most this many files in one request. */
export const BATCH_FILES = 32;
/** At most this many bytes in one request. */
export const BATCH_BYTES = 1024 * 1024;

/** Whether a copy may go up in a batch. */
export function batchable(step: CopyStep): boolean {
  return step.from.side === 'local' && step.to.side === 'remote' && step.source.size !== undefined && step.source.size <= BATCH_FILE_LIMIT;
}

/** The copies as work items: runs of batchable copies grouped by folder and mtime, the rest alone. */
export function batchSteps(steps: readonly CopyStep[]): CopyStep[][] {
  const items: CopyStep[][] = [];
  const open = new Map<string, { steps: CopyStep[]; bytes: number }>();
  for (const step of steps) {
    if (!batchable(step)) {
      items.push([step]);
      continue;
    }
    const key = `${parentLoc(step.to)?.path ?? ''}\n${step.source.mtime ?? ''}`;
    const size = step.source.size ?? 0;
    let batch = open.get(key);
    if (batch && (batch.steps.length >= BATCH_FILES || batch.bytes + size > BATCH_BYTES)) batch = undefined;
    if (!batch) {
      batch = { steps: [], bytes: 0 };
      open.set(key, batch);
      items.push(batch.steps);
    }
    batch.steps.push(step);
    batch.bytes += size;
  }
  return items;
}
