import { planTarget } from './plan-target.js';
import type { TargetPlan } from './resolve-targets.js';
import type { CopyOptions, CopyPlanStep, Entry } from './types.js';

/**
 * The whole copy plan: the problems found while placing sources, the destination folders to create
 * first, then each target expanded against what already exists there (`existing[i]` for target i).
 */
export function assembleCopyPlan(plan: TargetPlan, existing: ReadonlyArray<Entry | undefined>, options: CopyOptions): CopyPlanStep[] {
  const steps: CopyPlanStep[] = [...plan.problems, ...plan.prelude];
  plan.targets.forEach((target, index) => {
    steps.push(...planTarget(target, existing[index], options));
  });
  return steps;
}
