import type { CommandContext } from '@pcloud/core/cli';
import { formatStep } from '../plan/format-step.js';
import { planJson } from '../plan/plan-json.js';
import { planRemove, type RemoveTarget } from '../plan/plan-remove.js';
import { parseRemoteArgs } from '../remote/remote-args.js';
import { findRemote } from '../remote/remote-tree.js';
import { stoppedLine } from '../report/stopped-line.js';
import { executeRemove } from './execute-remove.js';

/**
 * `pcutil rm`, step by step: look every path up, plan, print the plan (-d) or execute it, then
 * report (JSON with --json) and, when pCloud went away, what was not removed and how to finish.
 * Answers the exit code: 1 when anything failed or was not removed.
 */
export async function runRemove(
  ctx: Pick<CommandContext, 'client' | 'io' | 'out' | 'dryRun' | 'json' | 'options' | 'reachability'>,
  paths: readonly string[],
  options: { recursive: boolean },
): Promise<number> {
  const { locs, location } = parseRemoteArgs(paths);
  const client = await ctx.client(location);
  const targets: RemoveTarget[] = [];
  for (const loc of locs) targets.push({ loc, entry: loc.path === '/' ? undefined : await findRemote(client, loc.path, false) });
  const steps = planRemove(targets, options);
  if (ctx.dryRun) {
    for (const step of steps) {
      if (step.op === 'problem') ctx.io.stderr.write(`pcutil: ${step.message}\n`);
      else if (!ctx.json) ctx.out.line(formatStep(step) ?? '');
    }
    if (ctx.json) ctx.out.json(planJson(steps));
    return steps.some((step) => step.op === 'problem') ? 1 : 0;
  }
  const outcome = await executeRemove(async () => client, steps, {
    say: (line) => (ctx.json ? undefined : ctx.out.line(line)),
    complain: (line) => ctx.io.stderr.write(`pcutil: ${line}\n`),
    verbose: ctx.options.verbose,
    reachability: ctx.reachability,
  });
  if (ctx.json) ctx.out.json(outcome);
  const { unreachable: outage, notRemoved = [] } = outcome;
  if (outage) {
    ctx.io.stderr.write(`${stoppedLine(outage)}\n`);
    ctx.io.stderr.write(`pcutil: ${notRemoved.length} path(s) not removed: ${notRemoved.join(' ')}\n`);
    ctx.io.stderr.write('hint: run rm again for them once pCloud answers\n');
  }
  return outcome.errors.length > 0 || notRemoved.length > 0 ? 1 : 0;
}
