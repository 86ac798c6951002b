import type { CopyPlanStep } from '../plan/types.js';
import { createProgress, type Progress } from '../report/progress.js';
import type { CopyStderr } from './copy-request.js';

/** The live progress of a copy on standard error, out of the bytes the plan copies (unknown sizes count as 0). */
export function createCopyProgress(steps: readonly CopyPlanStep[], stderr: CopyStderr): Progress {
  const total = steps.reduce((sum, step) => sum + (step.op === 'copy' ? (step.source.size ?? 0) : 0), 0);
  return createProgress(
    { write: (text) => void stderr.write(text), isTTY: stderr.isTTY === true, ...(stderr.columns ? { columns: stderr.columns } : {}) },
    total,
  );
}
