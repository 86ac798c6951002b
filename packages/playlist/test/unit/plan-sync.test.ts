import { describe, expect, it } from 'vitest';
import { chunk, planSync, type SyncStep } from '../../src/sync/plan-sync.js';
import { reorderMoves } from '../../src/sync/reorder-moves.js';

// Plays steps the way pCloud documents them (§5.2), to check that a plan reaches its target.
function apply(start: readonly number[], steps: readonly SyncStep[]): number[] {
  let list = [...start];
  for (const step of steps) {
    if (step.kind === 'delete') list = [];
    else if (step.kind === 'create') list = [...step.fileids];
    else if (step.kind === 'link') list.push(...step.fileids.filter((id) => !list.includes(id)));
    else if (step.kind === 'unlink') list = list.filter((id) => !step.fileids.includes(id));
    else {
      expect(list[step.item - 1]).toBe(step.fileid);
      list.splice(step.item - 1, 1);
      list.splice(step.position - 1, 0, step.fileid);
    }
  }
  return list;
}

function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}
const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

describe('chunk', () => {
  it('splits in order into runs of at most the size', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 3)).toEqual([]);
  });
});

describe('planSync: new playlists', () => {
  it.each([
    [1, 1, 1],
    [100, 100, 1],
    [101, 100, 2],
    [300, 100, 3],
    [500, 300, 2],
    [3, 1, 3],
  ])('%i tracks in chunks of %i take %i calls: create, then linkfiles', (count, size, calls) => {
    const plan = planSync({ name: 'Mix', fileids: range(1, count), chunkSize: size });
    expect(plan.action).toBe('create');
    expect(plan.steps).toHaveLength(calls);
    expect(plan.steps[0]).toMatchObject({ kind: 'create', name: 'Mix' });
    expect(plan.steps.slice(1).every((step) => step.kind === 'link')).toBe(true);
    expect(plan.steps.every((step) => !('fileids' in step) || step.fileids.length <= size)).toBe(true);
    expect(apply([], plan.steps)).toEqual(range(1, count));
  });

  it('creates an empty playlist with one call', () => {
    expect(planSync({ name: 'E', fileids: [], chunkSize: 100 }).steps).toEqual([{ kind: 'create', name: 'E', fileids: [] }]);
  });
});

describe('planSync: existing playlists', () => {
  const existing = (fileids: number[]) => ({ collectionid: 7, fileids });

  it('does nothing when the content is already right', () => {
    const plan = planSync({ name: 'M', fileids: [1, 2, 3], existing: existing([1, 2, 3]), chunkSize: 100 });
    expect(plan).toMatchObject({ action: 'unchanged', collectionid: 7, steps: [] });
  });

  it('appends new tracks in place', () => {
    const plan = planSync({ name: 'M', fileids: [1, 2, 3, 4], existing: existing([1, 2, 3]), chunkSize: 100 });
    expect(plan).toMatchObject({ action: 'update', added: 1, removed: 0, moved: 0, steps: [{ kind: 'link', fileids: [4] }] });
  });

  it('unlinks removed tracks in place', () => {
    const plan = planSync({ name: 'M', fileids: [1, 3], existing: existing([1, 2, 3]), chunkSize: 100 });
    expect(plan.steps).toEqual([{ kind: 'unlink', fileids: [2] }]);
  });

  it('moves one track with one call', () => {
    const plan = planSync({ name: 'M', fileids: [2, 3, 4, 1], existing: existing([1, 2, 3, 4]), chunkSize: 1 });
    expect(plan.steps).toEqual([{ kind: 'move', item: 1, fileid: 1, position: 4 }]);
  });

  it('updates in place with up to twice the calls of a replace, to keep the id', () => {
    const target = [20, ...range(1, 19)];
    const plan = planSync({ name: 'M', fileids: target, existing: existing(range(1, 20)), chunkSize: 100 });
    expect(plan).toMatchObject({ action: 'update', moved: 1 });
    const twoMoves = planSync({ name: 'M', fileids: [19, 20, ...range(1, 18)], existing: existing(range(1, 20)), chunkSize: 100 });
    expect(twoMoves).toMatchObject({ action: 'update', moved: 2 });
    const four = planSync({ name: 'M', fileids: [1, 21, 3, 2, 5, 4, 6], existing: existing(range(1, 6)), chunkSize: 100 });
    expect(four).toMatchObject({ action: 'update', steps: [{ kind: 'link' }, { kind: 'move' }, { kind: 'move' }, { kind: 'move' }] });
    const five = planSync({ name: 'M', fileids: [1, 21, 3, 2, 5, 4, 7, 6], existing: existing(range(1, 7)), chunkSize: 100 });
    expect(five.action).toBe('replace');
  });

  it('replaces when updating in place would take many more calls', () => {
    const target = range(1, 50).reverse();
    const plan = planSync({ name: 'M', fileids: target, existing: existing(range(1, 50)), chunkSize: 100 });
    expect(plan.action).toBe('replace');
    expect(plan.steps[0]).toEqual({ kind: 'delete', collectionid: 7 });
    expect(apply(range(1, 50), plan.steps)).toEqual(target);
  });

  it('replaces a playlist that somehow holds a file twice', () => {
    expect(planSync({ name: 'M', fileids: [1, 2], existing: existing([1, 1, 2]), chunkSize: 100 }).action).toBe('replace');
  });

  it('always reaches the target, in at most twice the calls of a replace', () => {
    const next = random(42);
    for (let round = 0; round < 300; round += 1) {
      const start = range(1, Math.floor(next() * 40)).filter(() => next() < 0.8);
      const pool = range(1, 60).sort(() => next() - 0.5);
      const target = pool.slice(0, 1 + Math.floor(next() * 50));
      if (next() < 0.5) target.sort((a, b) => a - b);
      const chunkSize = 1 + Math.floor(next() * 10);
      const plan = planSync({ name: 'R', fileids: target, existing: existing(start), chunkSize });
      expect(apply(start, plan.steps)).toEqual(target);
      expect(plan.steps.length).toBeLessThanOrEqual(2 * (1 + chunk(target, chunkSize).length));
    }
  });
});

describe('reorderMoves', () => {
  it('moves only the tracks outside the longest run already in order', () => {
    expect(reorderMoves([1, 2, 3, 4, 5], [1, 2, 3, 4, 5])).toEqual([]);
    expect(reorderMoves([5, 1, 2, 3, 4], [1, 2, 3, 4, 5])).toEqual([{ kind: 'move', item: 1, fileid: 5, position: 5 }]);
    expect(reorderMoves([2, 1], [1, 2])).toHaveLength(1);
    const target = [3, 1, 4, 5, 2];
    const moves = reorderMoves([1, 2, 3, 4, 5], target);
    expect(moves).toHaveLength(2);
    expect(apply([1, 2, 3, 4, 5], moves)).toEqual(target);
  });
});
