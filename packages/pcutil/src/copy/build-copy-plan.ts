import { PCloudError } from '@pcloud/core';
import type { ExpandEnvironment } from '../local/expand-path.js';
import { skipUnchanged, updateCandidates } from '../plan/apply-update.js';
import { assembleCopyPlan } from '../plan/assemble-copy-plan.js';
import { assertOneSideRemote, resolveTargets } from '../plan/resolve-targets.js';
import type { PathFilter } from '../filter/path-filter.js';
import { filteredSteps, selectEntries } from '../filter/select-entries.js';
import type { CopyOptions, CopyPlanStep, FilteredStep } from '../plan/types.js';
import { findUnchanged } from './find-unchanged.js';
import { lookUpDest, lookUpExisting, lookUpSource, type GetClient } from './look-up.js';
import { parseArg } from './parse-arg.js';

/** What building a copy plan needs. */
export interface BuildCopyPlanInput {
  /** SOURCE... DEST as given. */
  paths: readonly string[];
  options: CopyOptions;
  jobs: number;
  environment: ExpandEnvironment;
  getClient: GetClient;
  signal?: AbortSignal;
  /** What to take from the source folders (-r); undefined: everything. */
  filter?: PathFilter;
}

/**
 * Looks everything up and plans the copy, touching nothing: parse the arguments, look up each
 * source (with its tree for -r) and DEST, place the sources, look up what exists where they land,
 * expand the trees, and with -u turn identical files into skips. With a filter, the source trees
 * hold only what it takes, and the plan ends with a `filtered` step for each item left out. The dry run prints this plan and
 * the real run executes it, so they cannot differ.
 */
export async function buildCopyPlan(input: BuildCopyPlanInput): Promise<CopyPlanStep[]> {
  if (input.paths.length < 2) throw new PCloudError('USAGE_ERROR', 'cp needs a SOURCE and a DEST');
  const parsed = input.paths.map((path) => parseArg(path, input.environment));
  const destArg = parsed[parsed.length - 1]!;
  const sourceArgs = parsed.slice(0, -1);
  if (sourceArgs.filter((arg) => arg.loc.side === 'stdio').length > 1) {
    throw new PCloudError('USAGE_ERROR', 'standard input (-) can be a SOURCE only once');
  }
  assertOneSideRemote(sourceArgs, destArg);
  const sources = [];
  const filtered: FilteredStep[] = [];
  const filter = input.filter;
  for (const arg of sourceArgs) {
    const source = await lookUpSource(arg, input.options, input.getClient, filter && ((path) => filter.descends(path)));
    if (filter && source.entry?.kind === 'folder') {
      const selected = selectEntries(source.entry, filter);
      source.entry = selected.folder;
      filtered.push(...filteredSteps(source.loc, selected.filtered));
    }
    sources.push(source);
  }
  const dest = await lookUpDest(destArg, input.getClient);
  const targets = resolveTargets(sources, dest, input.options);
  const existing = [];
  for (const target of targets.targets) existing.push(await lookUpExisting(target, dest, input.getClient));
  const steps = [...assembleCopyPlan(targets, existing, input.options), ...filtered];
  if (!input.options.update) return steps;
  const candidates = updateCandidates(steps);
  if (candidates.length === 0) return steps;
  return skipUnchanged(steps, await findUnchanged(candidates, input.jobs, input.getClient, input.signal));
}
