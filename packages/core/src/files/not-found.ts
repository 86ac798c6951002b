/**
 * "Not found" as callers test for it: pCloud answers a missing item with one of several
 * results depending on the method (pcloud-api.md §3, §4, §8.2).
 */
import { ApiError, isPCloudError } from '../errors.js';
import { Result } from '../result-codes.js';

/** Results meaning the addressed file, folder or a parent of it does not exist. */
export const NOT_FOUND_RESULTS: ReadonlySet<number> = new Set([
  Result.parentMissing,
  Result.folderMissing,
  Result.fileMissing,
  Result.notFound,
]);

/** Whether an error says the addressed item (or its parent folder) does not exist. */
export function isNotFound(error: unknown): boolean {
  if (error instanceof ApiError) return NOT_FOUND_RESULTS.has(error.result);
  return isPCloudError(error, 'NOT_FOUND');
}
