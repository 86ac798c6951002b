import { escapeControl } from '@pcloud/core/internal';
import type { CliIo } from '@pcloud/core/cli';
import { formatStep } from '../plan/format-step.js';
import { planJson } from '../plan/plan-json.js';
import { deletionCount, type SyncPlan } from '../plan/plan-sync.js';
import type { CopyPlanStep, RemoveStep } from '../plan/types.js';
import { deletionRefusal } from './deletion-gate.js';

/** The actions of a plan as a dry run shows them: what changes, in order; unchanged files are only counted. */
function actions(plan: SyncPlan): Array<CopyPlanStep | RemoveStep> {
  return [...plan.steps.filter((step) => step.op !== 'skip'), ...plan.deletions];
}

/** What a plan would do, counted. */
function tally(plan: SyncPlan): { copy: number; update: number; unchanged: number } {
  const copies = plan.steps.filter((step) => step.op === 'copy');
  const update = copies.filter((step) => step.existing !== undefined).length;
  return { copy: copies.length - update, update, unchanged: plan.steps.filter((step) => step.op === 'skip').length };
}

/**
 * The dry run (-d): prints the plan, one line per action (`mkfolder p:/X`, `mkdir X`,
 * `cp SRC DEST (new|size|time|checksum)`, `rm PATH`, `rm -r PATH`), or as JSON with the counts;
 * problems, what the plan adds up to and why nothing would be deleted go to standard error.
 * Answers the exit code the real run would have for what can be known before it: 1 for a
 * problem or a refused deletion step.
 */
export function printSyncPlan(plan: SyncPlan, maxDelete: number | undefined, io: CliIo, json: boolean): number {
  const problems = plan.steps.filter((step) => step.op === 'problem');
  for (const step of problems) io.stderr.write(`pcutil: ${step.severity === 'warning' ? 'warning: ' : ''}${escapeControl(step.message)}\n`);
  const failed = problems.filter((step) => step.severity === 'error').length;
  const refusal = deletionRefusal({ plan, maxDelete, failed, notCopied: 0, interrupted: false });
  const counts = tally(plan);
  const toDelete = deletionCount(plan.deletions);
  if (json) {
    const deletion = { items: toDelete, ...(refusal ? { refused: refusal } : {}) };
    const extra = { unchanged: counts.unchanged, filtered: plan.filtered, onlyInDest: plan.onlyInDest, deletion };
    io.stdout.write(`${JSON.stringify({ ...planJson(actions(plan)), ...extra }, null, 2)}\n`);
  } else {
    for (const step of actions(plan)) if (step.op !== 'problem') io.stdout.write(`${escapeControl(formatStep(step) ?? '')}\n`);
    const deleting = `${plan.deletions.length > 0 && refusal === undefined ? toDelete : 0} to delete`;
    const extra = plan.onlyInDest > 0 ? `; ${plan.onlyInDest} item(s) only in DEST (--delete removes them)` : '';
    io.stderr.write(
      `would copy ${counts.copy}, update ${counts.update}, ${deleting}; ${counts.unchanged} unchanged, ${plan.filtered} filtered${extra}\n`,
    );
    if (refusal) io.stderr.write(`pcutil: nothing would be deleted (${toDelete} to delete): ${refusal}\n`);
  }
  return failed > 0 || refusal !== undefined ? 1 : 0;
}
