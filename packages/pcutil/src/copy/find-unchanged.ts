import { checksumFile, type PCloudClient } from '@pcloud/core';
import { sha1File } from '../local/sha1-file.js';
import type { CopyStep, FileEntry, Loc } from '../plan/types.js';
import { runPool } from './run-pool.js';

async function sha1Of(loc: Loc, entry: FileEntry, getClient: () => Promise<PCloudClient>, signal?: AbortSignal): Promise<string> {
  if (loc.side === 'local') return sha1File(loc.path, signal);
  const ref = entry.id === undefined ? { path: loc.path } : { fileid: entry.id };
  return (await checksumFile(await getClient(), ref, signal ? { signal } : {})).sha1;
}

/**
 * For -u: which candidate copies (same size at both ends) also have the same sha1, computed locally
 * by reading the file and remotely with `checksumfile`. A checksum that cannot be had means the
 * file is copied again, which is always safe.
 */
export async function findUnchanged(
  candidates: readonly CopyStep[],
  jobs: number,
  getClient: () => Promise<PCloudClient>,
  signal?: AbortSignal,
): Promise<Set<CopyStep>> {
  const same = new Set<CopyStep>();
  await runPool(
    candidates,
    jobs,
    async (step) => {
      if (step.existing === undefined || step.from.side === 'stdio') return;
      try {
        const [ours, theirs] = await Promise.all([
          sha1Of(step.from, step.source, getClient, signal),
          sha1Of(step.to, step.existing, getClient, signal),
        ]);
        if (ours === theirs) same.add(step);
      } catch {
        // Unknown checksum: leave the step as a copy.
      }
    },
    signal,
  );
  return same;
}
