import type { PCloudClient } from '@pcloud/core';
import type { CopyPlanStep } from '../plan/types.js';
import { sweepPartialFiles } from './sweep-partial.js';
import { sweepRemotePartialFiles } from './sweep-remote-partial.js';

/**
 * Before a copy starts: removes what an interrupted earlier run of it left beside its targets, on
 * the disk and then on pCloud; answers how many files went. On pCloud the sweep is best effort:
 * a listing that fails leaves leftovers, never stops the copy.
 */
export async function sweepLeftovers(steps: readonly CopyPlanStep[], client: () => Promise<PCloudClient>): Promise<number> {
  return (await sweepPartialFiles(steps)) + (await sweepRemotePartialFiles(steps, client).catch(() => 0));
}
