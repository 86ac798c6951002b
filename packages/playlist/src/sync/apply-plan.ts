import type { LinkResult, PCloudClient } from '@pcloud/core';
import { deleteCollection, linkCollectionFiles, unlinkCollectionFiles } from '@pcloud/core/internal';
import { createPlaylist } from './create-playlist.js';
import type { SyncPlan } from './plan-sync.js';

/** A file pCloud would not put in the playlist (2009 gone since it was listed, 2071 not audio). */
export interface RefusedFile {
  fileid: number;
  result: number;
  message: string;
}

/** What applying a plan did: the playlist's id, and the files pCloud refused to link. */
export interface AppliedPlan {
  collectionid: number | undefined;
  refused: RefusedFile[];
}

/** Called after each step, for `-v`. */
export type StepListener = (done: number, total: number, description: string) => void;

/**
 * Runs a plan's calls in order (`collection_delete`, `collection_create`,
 * `collection_linkfiles`, `collection_unlinkfiles`, `collection_move`) and resolves to the
 * playlist's id with the files pCloud refused one by one in `linkresult`. Linking and unlinking by
 * file id are safe to repeat (pCloud keeps a file once per playlist), so those calls get core's
 * retry with backoff, where the original slept between calls; a create is repeated only where it
 * cannot leave two playlists (create-playlist.ts).
 */
export async function applyPlan(client: PCloudClient, plan: SyncPlan, onStep: StepListener = () => {}): Promise<AppliedPlan> {
  let collectionid = plan.action === 'update' || plan.action === 'unchanged' ? plan.collectionid : undefined;
  const retry = { retry: true };
  const refused: RefusedFile[] = [];
  const check = (results: readonly LinkResult[]): void => {
    for (const entry of results) {
      if (entry.result !== 0) refused.push({ fileid: Number(entry.fileid), result: entry.result, message: entry.message ?? '' });
    }
  };
  for (const [index, step] of plan.steps.entries()) {
    let description: string;
    if (step.kind === 'delete') {
      await deleteCollection(client, step.collectionid, retry);
      description = `deleted playlist ${step.collectionid}`;
    } else if (step.kind === 'create') {
      const created = await createPlaylist(client, step.name, step.fileids);
      collectionid = created.collection.id;
      check(created.linkresult);
      description = `created playlist ${collectionid} with ${step.fileids.length} track(s)`;
    } else if (collectionid === undefined) {
      throw new Error(`plan for ${plan.name} acts on a playlist before creating it`);
    } else if (step.kind === 'link') {
      check((await linkCollectionFiles(client, collectionid, step.fileids, retry)).linkresult);
      description = `linked ${step.fileids.length} track(s)`;
    } else if (step.kind === 'unlink') {
      await unlinkCollectionFiles(client, collectionid, { fileIds: step.fileids }, retry);
      description = `unlinked ${step.fileids.length} track(s)`;
    } else {
      await client.call('collection_move', { collectionid, item: step.item, fileid: step.fileid, position: step.position });
      description = `moved track ${step.item} to ${step.position}`;
    }
    onStep(index + 1, plan.steps.length, description);
  }
  return { collectionid, refused };
}
