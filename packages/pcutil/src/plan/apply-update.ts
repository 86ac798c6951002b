import type { CopyPlanStep, CopyStep } from './types.js';

/** Copies that -u must check: the destination exists with the same size, so only a checksum can tell. */
export function updateCandidates(steps: CopyPlanStep[]): CopyStep[] {
  return steps.filter(
    (step): step is CopyStep => step.op === 'copy' && step.existing !== undefined && step.existing.size === step.source.size,
  );
}

/**
 * Turns the copies whose destination was found identical (same size and sha1) into skips.
 * `same` holds the candidates that matched; everything else is left as planned.
 */
export function skipUnchanged(steps: CopyPlanStep[], same: ReadonlySet<CopyStep>): CopyPlanStep[] {
  return steps.map((step) => (step.op === 'copy' && same.has(step) ? { op: 'skip', from: step.from, to: step.to, reason: 'same' } : step));
}
