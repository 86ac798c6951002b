/**
 * A dry run's plan for `--json`: the same actions as the plan lines (`cp`, with sync's reason,
 * `mkfolder`, `mkdir`, `skip`, `rm`, `rm -r`, and `filtered` for what the filters left out), one object each, and the problems beside them. Paths are exact (JSON
 * escapes control characters itself); messages are the escaped text the plan lines show.
 */
import { exactLoc } from './loc.js';
import type { CopyPlanStep, CopyReason, RemovePlanStep, SkipStep } from './types.js';

export type PlanAction =
  | { action: 'cp'; from: string; to: string; reason?: CopyReason }
  | { action: 'mkfolder' | 'mkdir'; path: string }
  | { action: 'skip'; path: string; reason: SkipStep['reason'] }
  | { action: 'rm' | 'rm -r'; path: string }
  | { action: 'filtered'; path: string; kind: 'file' | 'folder' };

export interface PlanJson {
  plan: PlanAction[];
  problems: Array<{ path: string; message: string; severity: 'warning' | 'error' }>;
}

/** The plan of `steps` as JSON. */
export function planJson(steps: ReadonlyArray<CopyPlanStep | RemovePlanStep>): PlanJson {
  const result: PlanJson = { plan: [], problems: [] };
  for (const step of steps) {
    switch (step.op) {
      case 'mkdir':
        result.plan.push({ action: step.at.side === 'remote' ? 'mkfolder' : 'mkdir', path: exactLoc(step.at) });
        break;
      case 'copy':
        result.plan.push({
          action: 'cp',
          from: exactLoc(step.from),
          to: exactLoc(step.to),
          ...(step.reason ? { reason: step.reason } : {}),
        });
        break;
      case 'skip':
        result.plan.push({ action: 'skip', path: exactLoc(step.to), reason: step.reason });
        break;
      case 'rm':
        result.plan.push({ action: step.what === 'tree' ? 'rm -r' : 'rm', path: exactLoc(step.at) });
        break;
      case 'filtered':
        result.plan.push({ action: 'filtered', path: exactLoc(step.at), kind: step.what });
        break;
      case 'problem':
        result.problems.push({ path: exactLoc(step.at), message: step.message, severity: step.severity });
        break;
    }
  }
  return result;
}
