import type { SyncPlan } from './plan-sync.js';

/**
 * One line for a plan: what a dry run would do (`create "Mix": 120 tracks in 2 calls`) or, with
 * `done`, what was done (`created "Mix": 120 tracks`).
 */
export function describePlan(plan: SyncPlan, done: boolean): string {
  const name = JSON.stringify(plan.name);
  const tracks = `${plan.trackCount} track${plan.trackCount === 1 ? '' : 's'}`;
  const calls = done ? '' : ` in ${plan.steps.length} call${plan.steps.length === 1 ? '' : 's'}`;
  switch (plan.action) {
    case 'create':
      return `${done ? 'created' : 'create'} ${name}: ${tracks}${calls}`;
    case 'replace':
      return `${done ? 'replaced' : 'replace'} ${name}: ${tracks}${calls} (was ${plan.removed})`;
    case 'update':
      return `${done ? 'updated' : 'update'} ${name} in place: ${tracks}${calls} (+${plan.added} -${plan.removed}, ${plan.moved} moved)`;
    case 'unchanged':
      return `${name} is up to date: ${tracks}`;
  }
}
