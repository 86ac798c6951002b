import { PCloudError } from '@pcloud/core';

/**
 * Reads token ids as the original did (`--delete 12,34`) and as the sub-command takes them
 * (`delete 12 34`): whole positive numbers, separated by commas or given one by one.
 * A bad id is a usage error naming it; duplicates are dropped.
 */
export function parseTokenIds(raw: readonly string[]): number[] {
  const pieces = raw.flatMap((item) => item.split(',')).map((piece) => piece.trim());
  if (pieces.length === 0 || pieces.every((piece) => piece === '')) {
    throw new PCloudError('USAGE_ERROR', 'no token id given: name the ids to delete (see pcloud-token list)');
  }
  const ids: number[] = [];
  for (const piece of pieces) {
    if (piece === '') continue;
    const id = /^\d+$/.test(piece) ? Number(piece) : NaN;
    if (!Number.isSafeInteger(id) || id <= 0) {
      throw new PCloudError('USAGE_ERROR', `invalid token id '${piece.slice(0, 40)}': ids are whole numbers (see pcloud-token list)`);
    }
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}
