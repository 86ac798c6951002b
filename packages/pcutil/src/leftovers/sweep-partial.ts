/**
 * Removes the temporary files (`.<name>.pcloud-partial-<random>`) that a killed earlier run left
 * beside the local files this copy is about to write. Ctrl-C cleans up after itself; SIGKILL or
 * a power cut cannot, so the next run of the same copy does. Only leftovers of this plan's own
 * targets go: another run writing other files into the same folder keeps its temporary files.
 */
import { readdir, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { partialPrefixOf } from '@pcloud/core/internal';
import { partialPrefixesByFolder } from './partial-prefixes.js';
import type { CopyPlanStep } from '../plan/types.js';

/** Sweeps the leftovers of the plan's local download targets; answers how many files it removed. */
export async function sweepPartialFiles(steps: readonly CopyPlanStep[]): Promise<number> {
  // A skipped file (-n, -u) is a target too: a leftover beside it is an interrupted overwrite.
  const targets = steps.flatMap((step) =>
    (step.op === 'copy' || step.op === 'skip') && step.to.side === 'local' && step.from.side === 'remote' ? [step.to.path] : [],
  );
  const prefixesByFolder = partialPrefixesByFolder(targets, { dirname, basename });
  let removed = 0;
  for (const [folder, prefixes] of prefixesByFolder) {
    // A folder the plan has yet to create holds nothing to sweep.
    const names = await readdir(folder).catch(() => [] as string[]);
    for (const name of names) {
      const prefix = partialPrefixOf(name);
      if (prefix === undefined || !prefixes.has(prefix)) continue;
      await rm(join(folder, name), { force: true });
      removed++;
    }
  }
  return removed;
}
