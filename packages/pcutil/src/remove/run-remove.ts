import type { CommandContext } from '@pcloud/core/cli';
import type { PathFilter } from '../filter/path-filter.js';
import { formatRemovedCounts, formatStep } from '../plan/format-step.js';
import { formatLoc } from '../plan/loc.js';
import { planJson } from '../plan/plan-json.js';
import { planRemove, type RemoveTarget } from '../plan/plan-remove.js';
import { parseRemoteArgs } from '../remote/remote-args.js';
import { findRemote } from '../remote/remote-tree.js';
import { stoppedLine } from '../report/stopped-line.js';
import { executeRemove, type RemoveOutcome } from './execute-remove.js';

/** Adds one path's outcome to the whole run's. */
function merge(total: RemoveOutcome, part: RemoveOutcome): void {
  total.removed.push(...part.removed);
  total.errors.push(...part.errors);
  if (part.notRemoved) total.notRemoved = [...(total.notRemoved ?? []), ...part.notRemoved];
  total.unreachable ??= part.unreachable;
  if (part.filtered !== undefined) total.filtered = (total.filtered ?? 0) + part.filtered;
}

/**
 * `pcutil rm`, step by step: look every path up, plan, print the plan (-d) or execute it, then
 * report (JSON with --json) and, when pCloud went away, what was not removed and how to finish.
 * With -r and a filter, each folder is listed whole and emptied item by item, and its line tells
 * what was deleted and how much the filter left alone. Answers the exit code: 1 when anything
 * failed or was not removed.
 */
export async function runRemove(
  ctx: Pick<CommandContext, 'client' | 'io' | 'out' | 'dryRun' | 'json' | 'options' | 'reachability'>,
  paths: readonly string[],
  options: { recursive: boolean; filter?: PathFilter },
): Promise<number> {
  const { locs, location } = parseRemoteArgs(paths);
  const client = await ctx.client(location);
  const filtering = options.recursive && options.filter !== undefined;
  const targets: RemoveTarget[] = [];
  for (const loc of locs) targets.push({ loc, entry: loc.path === '/' ? undefined : await findRemote(client, loc.path, filtering) });
  const plans = targets.map((target) => planRemove([target], options));
  const steps = plans.flat();
  if (ctx.dryRun) {
    let filtered = 0;
    for (const step of steps) {
      if (step.op === 'problem') ctx.io.stderr.write(`pcutil: ${step.message}\n`);
      else if (step.op === 'filtered') filtered += 1;
      if (step.op !== 'problem' && !ctx.json && (step.op !== 'filtered' || ctx.options.verbose)) ctx.out.line(formatStep(step) ?? '');
    }
    if (ctx.json) ctx.out.json(planJson(steps));
    else if (filtered > 0 && !ctx.options.verbose)
      ctx.io.stderr.write(`pcutil: ${filtered} item(s) filtered, left alone (-v lists them)\n`);
    return steps.some((step) => step.op === 'problem') ? 1 : 0;
  }
  const outcome: RemoveOutcome = { removed: [], errors: [] };
  for (const [index, plan] of plans.entries()) {
    const part = await executeRemove(async () => client, plan, {
      say: (line) => (ctx.json ? undefined : ctx.out.line(line)),
      complain: (line) => ctx.io.stderr.write(`pcutil: ${line}\n`),
      verbose: ctx.options.verbose,
      reachability: ctx.reachability,
    });
    merge(outcome, part);
    const target = targets[index];
    if (filtering && target?.entry?.kind === 'folder' && !ctx.json) {
      const folders = part.removed.filter((item) => item.type === 'folder').length;
      ctx.out.line(formatRemovedCounts(formatLoc(target.loc), folders, part.removed.length - folders, part.filtered ?? 0));
    }
  }
  if (ctx.json) ctx.out.json(outcome);
  const { unreachable: outage, notRemoved = [] } = outcome;
  if (outage) {
    ctx.io.stderr.write(`${stoppedLine(outage)}\n`);
    ctx.io.stderr.write(`pcutil: ${notRemoved.length} path(s) not removed: ${notRemoved.join(' ')}\n`);
    ctx.io.stderr.write('hint: run rm again for them once pCloud answers\n');
  }
  return outcome.errors.length > 0 || notRemoved.length > 0 ? 1 : 0;
}
