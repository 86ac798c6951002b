import { defineCommand } from '@pcloud/core/cli';
import { formatStep } from '../plan/format-step.js';
import { planJson } from '../plan/plan-json.js';
import { planRemove, type RemoveTarget } from '../plan/plan-remove.js';
import { findRemote } from '../remote/remote-tree.js';
import { executeRemove } from '../remove/execute-remove.js';
import { stoppedLine } from '../report/stopped-line.js';
import { parseRemoteArgs } from '../remote/remote-args.js';

/** `pcutil rm`: delete pCloud files and folders, as the original did. */
export const rmCommand = defineCommand({
  name: 'rm',
  describe: 'remove pCloud files and folders (p: is optional: rm tmp means p:/tmp)',
  positionals: { paths: { describe: 'PATH...: pCloud paths, taken from the root', variadic: true } },
  options: {
    recursive: { type: 'boolean', alias: 'r', describe: 'remove folders and everything in them' },
  },
  dryRun: true,
  json: true,
  examples: [
    ['pcutil rm p:/old.txt', 'remove a file'],
    ['pcutil rm tmp/empty-folder', 'remove an empty folder (p: is optional)'],
    ['pcutil rm -r p:/tmp', 'remove a folder and everything in it; prints what was deleted'],
    ['pcutil rm -d -r p:/a p:/b', 'show what would be removed, remove nothing'],
  ],
  async handler(ctx) {
    const { locs, location } = parseRemoteArgs(ctx.args.paths);
    const client = await ctx.client(location);
    const targets: RemoveTarget[] = [];
    for (const loc of locs) targets.push({ loc, entry: loc.path === '/' ? undefined : await findRemote(client, loc.path, false) });
    const steps = planRemove(targets, { recursive: ctx.args.recursive });
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
  },
});
