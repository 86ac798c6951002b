/**
 * The pCloud side of sweep-partial.ts: a verified replace uploads beside the file under
 * `.<name>.pcloud-partial-<random>` and renames it over the file; a run killed between the two
 * leaves that upload behind. The next run of the same copy lists the folders where it replaces
 * files and deletes such leftovers of its own targets (one `listfolder` per such folder).
 */
import { deleteFile, isNotFound, listFolder, remoteBasename, remoteDirname, type PCloudClient } from '@pcloud/core';
import { partialPrefixOf } from '@pcloud/core/internal';
import { partialPrefixesByFolder } from './partial-prefixes.js';
import type { CopyPlanStep } from '../plan/types.js';

/** Deletes leftovers beside the pCloud files this plan replaces; answers how many it deleted. */
export async function sweepRemotePartialFiles(steps: readonly CopyPlanStep[], client: () => Promise<PCloudClient>): Promise<number> {
  const replaced = steps.flatMap((step) =>
    step.op === 'copy' && step.to.side === 'remote' && step.existing !== undefined ? [step.to.path] : [],
  );
  const prefixesByFolder = partialPrefixesByFolder(replaced, { dirname: remoteDirname, basename: remoteBasename });
  let removed = 0;
  for (const [folder, prefixes] of prefixesByFolder) {
    const api = await client();
    const listing = await listFolder(api, folder === '/' ? { folderid: 0 } : { path: folder }).catch((error: unknown) => {
      if (isNotFound(error)) return undefined;
      throw error;
    });
    for (const item of listing?.contents ?? []) {
      const prefix = partialPrefixOf(item.name);
      if (item.isfolder || prefix === undefined || !prefixes.has(prefix)) continue;
      await deleteFile(api, { fileid: item.fileid });
      removed++;
    }
  }
  return removed;
}
