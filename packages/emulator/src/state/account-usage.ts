/** Bytes an account's live files hold: `userinfo`'s `usedquota`, and what is left of the quota for uploads. */
import type { EmulatorState } from './emulator-state.js';

/** Bytes held by the account's live (not trashed) files. */
export function usedQuota(state: EmulatorState, userid: number): number {
  let used = 0;
  for (const file of state.files.tree(userid).files.values()) if (!file.deleted) used += file.size;
  return used;
}
