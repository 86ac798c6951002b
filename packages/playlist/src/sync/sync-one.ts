import { isPCloudError, TransportError, type PCloudClient } from '@pcloud/core';
import { getCollection } from '@pcloud/core/internal';
import type { PreparedPlaylist } from '../playlists/prepare-playlist.js';
import { explainCollectionRefusal } from '../remote/collection-refused.js';
import { remotePath } from '../tracks/music-index.js';
import { applyPlan } from './apply-plan.js';
import { describePlan } from './describe-plan.js';
import { planSync } from './plan-sync.js';
import type { SyncReporter } from './sync-reporter.js';

/** How one playlist is written. */
export interface SyncOneOptions {
  musicFolder: string;
  chunkSize: number;
  skipMissing: boolean;
  dryRun: boolean;
}

/**
 * Plans one playlist against the existing one of its name (`collection_details` for its
 * items) and prints the plan (dry run) or applies it. Answers whether it went as asked. A
 * failure is reported and the run goes on; a refusal of the login is thrown, as every
 * playlist would meet it, and so is a failure once pCloud is judged gone, and anything that is
 * not a pCloud error (a bug).
 */
export async function syncOne(
  client: PCloudClient,
  playlist: PreparedPlaylist,
  current: { id: number; items: number } | undefined,
  options: SyncOneOptions,
  report: SyncReporter,
): Promise<boolean> {
  const { name } = playlist.file;
  try {
    const existing = current && {
      collectionid: current.id,
      fileids: current.items === 0 ? [] : ((await getCollection(client, current.id)).contents ?? []).map((file) => file.fileid),
    };
    const plan = planSync({ name, fileids: playlist.tracks.map((track) => track.fileid), existing, chunkSize: options.chunkSize });
    if (options.dryRun) {
      report.out(describePlan(plan, false));
      return true;
    }
    const { refused } = await applyPlan(client, plan, (done, total, step) =>
      report.verbose(`${JSON.stringify(name)}: ${step} (${done}/${total})`),
    );
    report.out(describePlan({ ...plan, trackCount: plan.trackCount - refused.length }, true));
    for (const file of refused) {
      const track = playlist.tracks.find((candidate) => candidate.fileid === file.fileid);
      const where = track
        ? `${playlist.file.shownPath}:${track.line}: ${remotePath(options.musicFolder, track.relative)}`
        : `file ${file.fileid}`;
      const hint = file.result === 2009 ? '; refresh the cache with --create-cache' : '';
      report.err(`${where}: pCloud did not add it (${file.message || 'refused'}, ${file.result})${hint}`);
    }
    return refused.length === 0 || options.skipMissing;
  } catch (error) {
    const outage = error instanceof TransportError && client.reachability.state.kind === 'unreachable';
    if (!isPCloudError(error) || outage || explainCollectionRefusal(error, client)) throw error;
    report.err(`${JSON.stringify(name)}: not written: ${error.message}`);
    return false;
  }
}
