import { deletionCount } from '../plan/plan-sync.js';
import type { SyncPlan } from '../plan/plan-sync.js';

/** What decides whether sync's deletion step may run. */
export interface DeletionGate {
  plan: Pick<SyncPlan, 'deletions' | 'deleteBlocked'>;
  /** --max-delete N. */
  maxDelete: number | undefined;
  /** Items that failed before the deletions (transfers, folders, problems). */
  failed: number;
  /** Files not copied because pCloud went away. */
  notCopied: number;
  interrupted: boolean;
}

/**
 * Why sync deletes nothing this time, or undefined when it may delete: deletions come last and
 * only after every copy succeeded (a mirror with a missing file must not also lose the old
 * one), never on a listing read in part, and never more than --max-delete items (the whole step
 * is refused, not cut short: a partial deletion is not a mirror either).
 */
export function deletionRefusal(gate: DeletionGate): string | undefined {
  const { plan, maxDelete } = gate;
  if (plan.deletions.length === 0) return undefined;
  if (gate.interrupted) return 'interrupted';
  if (plan.deleteBlocked) return `${plan.deleteBlocked}, so what SOURCE lacks is not known for sure`;
  if (gate.notCopied > 0) return `${gate.notCopied} file(s) not copied`;
  if (gate.failed > 0) return `${gate.failed} item(s) not synced`;
  const count = deletionCount(plan.deletions);
  if (maxDelete !== undefined && count > maxDelete) return `${count} file(s) and folder(s) to delete, more than --max-delete ${maxDelete}`;
  return undefined;
}
