import { reorderMoves, type MoveStep } from './reorder-moves.js';

/** One pCloud call of a playlist sync; link, unlink and move act on the playlist being synced. */
export type SyncStep =
  | { kind: 'delete'; collectionid: number }
  | { kind: 'create'; name: string; fileids: number[] }
  | { kind: 'link'; fileids: number[] }
  | { kind: 'unlink'; fileids: number[] }
  | MoveStep;

/** How a playlist gets its new content. */
export type SyncAction = 'create' | 'update' | 'replace' | 'unchanged';

/** Every call that brings one pCloud playlist to the tracks of a local one, in order. */
export interface SyncPlan {
  name: string;
  action: SyncAction;
  /** The playlist's id when it already exists (kept by `update`, deleted by `replace`). */
  collectionid?: number;
  trackCount: number;
  added: number;
  removed: number;
  moved: number;
  steps: SyncStep[];
}

/** What a plan is made from: the wanted tracks and the playlist of that name, if any. */
export interface PlanSyncInput {
  name: string;
  fileids: readonly number[];
  existing?: { collectionid: number; fileids: readonly number[] } | undefined;
  chunkSize: number;
}

/**
 * Plans a playlist sync without calling anything. A new playlist is created with its first
 * chunk (`collection_create`) and filled with the rest (`collection_linkfiles`). An existing
 * one is updated in place (unlink, link, move) when that takes at most twice the calls of
 * deleting and re-creating it, because in place it keeps its id (shares, apps' references);
 * otherwise, typically after a reshuffle that needs many moves, it is replaced.
 */
export function planSync(input: PlanSyncInput): SyncPlan {
  const { name, fileids, existing, chunkSize } = input;
  const fresh = createSteps(name, fileids, chunkSize);
  const base = { name, trackCount: fileids.length };
  if (!existing) return { ...base, action: 'create', added: fileids.length, removed: 0, moved: 0, steps: fresh };
  const { collectionid } = existing;
  const replace: SyncPlan = {
    ...base,
    action: 'replace',
    collectionid,
    added: fileids.length,
    removed: existing.fileids.length,
    moved: 0,
    steps: [{ kind: 'delete', collectionid }, ...fresh],
  };
  // pCloud never holds a file twice in a playlist; if it does anyway, start over.
  if (new Set(existing.fileids).size !== existing.fileids.length) return replace;
  const wanted = new Set(fileids);
  const present = new Set(existing.fileids);
  const removed = existing.fileids.filter((id) => !wanted.has(id));
  const added = fileids.filter((id) => !present.has(id));
  const afterLink = [...existing.fileids.filter((id) => wanted.has(id)), ...added];
  const moves = reorderMoves(afterLink, fileids);
  const steps: SyncStep[] = [
    ...chunk(removed, chunkSize).map((ids): SyncStep => ({ kind: 'unlink', fileids: ids })),
    ...chunk(added, chunkSize).map((ids): SyncStep => ({ kind: 'link', fileids: ids })),
    ...moves,
  ];
  if (steps.length > IN_PLACE_ALLOWANCE * replace.steps.length) return replace;
  const action = steps.length === 0 ? 'unchanged' : 'update';
  return { ...base, action, collectionid, added: added.length, removed: removed.length, moved: moves.length, steps };
}

/** How many times a replace's calls an in-place update may take: keeping the id is worth that. */
export const IN_PLACE_ALLOWANCE = 2;

function createSteps(name: string, fileids: readonly number[], chunkSize: number): SyncStep[] {
  const [first = [], ...rest] = chunk(fileids, chunkSize);
  return [{ kind: 'create', name, fileids: first }, ...rest.map((ids): SyncStep => ({ kind: 'link', fileids: ids }))];
}

/** Splits ids into runs of at most `size`, in order. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}
