/** One `collection_move`: the file now at 1-based `item` goes to 1-based `position`. */
export interface MoveStep {
  kind: 'move';
  item: number;
  fileid: number;
  position: number;
}

/**
 * The fewest `collection_move` calls that turn `current` into `target` (same ids, other
 * order): the longest run already in target order stays put, every other file is moved to
 * just after its target predecessor, in target order. Positions are those of the playlist at
 * the moment of each call: the file is taken out, then inserted so that it ends at `position`.
 */
export function reorderMoves(current: readonly number[], target: readonly number[]): MoveStep[] {
  const rank = new Map(target.map((id, index) => [id, index]));
  const stays = new Set(longestIncreasingRun(current.map((id) => rank.get(id) ?? -1)).map((index) => current[index]));
  const list = [...current];
  const moves: MoveStep[] = [];
  for (const [index, fileid] of target.entries()) {
    if (stays.has(fileid)) continue;
    const from = list.indexOf(fileid);
    list.splice(from, 1);
    const to = index === 0 ? 0 : list.indexOf(target[index - 1] as number) + 1;
    list.splice(to, 0, fileid);
    moves.push({ kind: 'move', item: from + 1, fileid, position: to + 1 });
  }
  return moves;
}

// Patience sorting, O(n log n): indexes into `values` of one longest strictly increasing run.
function longestIncreasingRun(values: readonly number[]): number[] {
  const tails: number[] = [];
  const previous: number[] = new Array<number>(values.length).fill(-1);
  for (const [index, value] of values.entries()) {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((values[tails[middle] as number] as number) < value) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[index] = tails[low - 1] as number;
    tails[low] = index;
  }
  const run: number[] = [];
  for (let index = tails.at(-1) ?? -1; index !== -1; index = previous[index] as number) run.push(index);
  return run.reverse();
}
