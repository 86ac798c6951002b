import { escapeControl } from '@pcloud/core';
import type { CliIo } from '@pcloud/core/cli';
import { formatStep } from '../plan/format-step.js';
import { planJson } from '../plan/plan-json.js';
import type { CopyPlanStep } from '../plan/types.js';

/**
 * The dry run (-d): prints the plan the way the original's dry run did (or as JSON), problems on
 * standard error, with control characters escaped (names may come from a server); answers the
 * exit code.
 */
export function printCopyPlan(steps: readonly CopyPlanStep[], io: CliIo, json: boolean): number {
  let failed = false;
  for (const step of steps) {
    if (step.op === 'problem') {
      io.stderr.write(`pcutil: ${step.severity === 'warning' ? 'warning: ' : ''}${escapeControl(step.message)}\n`);
      failed ||= step.severity === 'error';
    } else if (!json) io.stdout.write(`${escapeControl(formatStep(step) ?? '')}\n`);
  }
  if (json) io.stdout.write(`${JSON.stringify(planJson(steps), null, 2)}\n`);
  return failed ? 1 : 0;
}
