import { escapeControl } from '@pcloud/core/internal';
import type { CliIo } from '@pcloud/core/cli';
import { formatStep } from '../plan/format-step.js';
import { planJson } from '../plan/plan-json.js';
import type { CopyPlanStep } from '../plan/types.js';

/**
 * The dry run (-d): prints the plan the way the original's dry run did (or as JSON), problems on
 * standard error, with control characters escaped (names may come from a server); answers the
 * exit code. What the filters left out is listed with -v (and always in JSON), else counted in
 * one line on standard error.
 */
export function printCopyPlan(steps: readonly CopyPlanStep[], io: CliIo, json: boolean, verbose = false): number {
  let failed = false;
  let filtered = 0;
  for (const step of steps) {
    if (step.op === 'problem') {
      io.stderr.write(`pcutil: ${step.severity === 'warning' ? 'warning: ' : ''}${escapeControl(step.message)}\n`);
      failed ||= step.severity === 'error';
    } else if (step.op === 'filtered' && !verbose) filtered += 1;
    else if (!json) io.stdout.write(`${escapeControl(formatStep(step) ?? '')}\n`);
  }
  if (json) io.stdout.write(`${JSON.stringify(planJson(steps), null, 2)}\n`);
  else if (filtered > 0) io.stderr.write(`pcutil: ${filtered} item(s) filtered, not copied (-v lists them)\n`);
  return failed ? 1 : 0;
}
