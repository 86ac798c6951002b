/** @pcloud/pcutil — cp, rm, ls, mkdir, mv and cat between your disk and pCloud, fast and safe. */
export { run } from './run.js';
export { planRemove, type RemoveTarget } from './plan/plan-remove.js';
export { resolveTargets, type DestSpec, type SourceSpec, type Target, type TargetPlan } from './plan/resolve-targets.js';
export { assembleCopyPlan } from './plan/assemble-copy-plan.js';
export { formatStep } from './plan/format-step.js';
export type * from './plan/types.js';
