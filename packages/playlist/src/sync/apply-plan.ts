import { createCollection, deleteCollection, linkCollectionFiles, unlinkCollectionFiles, type PCloudClient } from '@pcloud/core';
import type { SyncPlan } from './plan-sync.js';

/** Called after each step, for `-v`. */
export type StepListener = (done: number, total: number, description: string) => void;

/**
 * Runs a plan's calls in order (`collection_delete`, `collection_create`,
 * `collection_linkfiles`, `collection_unlinkfiles`, `collection_move`) and resolves to the
 * playlist's id. Linking and unlinking by file id are safe to repeat (pCloud keeps a file once
 * per playlist), and a 5000 answer to a create means nothing was created, so those calls get
 * core's retry with backoff, where the original slept between calls.
 */
export async function applyPlan(client: PCloudClient, plan: SyncPlan, onStep: StepListener = () => {}): Promise<number | undefined> {
  let collectionid = plan.action === 'update' || plan.action === 'unchanged' ? plan.collectionid : undefined;
  const retry = { retry: true };
  for (const [index, step] of plan.steps.entries()) {
    let description: string;
    if (step.kind === 'delete') {
      await deleteCollection(client, step.collectionid, retry);
      description = `deleted playlist ${step.collectionid}`;
    } else if (step.kind === 'create') {
      const created = await createCollection(client, step.name, { type: 1, fileIds: step.fileids, chunkSize: Math.max(1, step.fileids.length) }, retry);
      collectionid = created.collection.id;
      description = `created playlist ${collectionid} with ${step.fileids.length} track(s)`;
    } else if (collectionid === undefined) {
      throw new Error(`plan for ${plan.name} acts on a playlist before creating it`);
    } else if (step.kind === 'link') {
      await linkCollectionFiles(client, collectionid, step.fileids, retry);
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
  return collectionid;
}
