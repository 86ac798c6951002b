import type { Unreachable } from '../remote/outage-latch.js';
import { formatBytes } from '@pcloud/core/internal';
import { formatDuration, formatRate } from '../report/format-units.js';

/** What a sync did, as `--json` prints it and the closing line summarizes it. */
export interface SyncSummary {
  /** Files new to DEST, copied and verified. */
  copied: number;
  /** Files DEST had in another version, replaced and verified. */
  updated: number;
  /** Files and folders removed from DEST (--delete), a folder's contents included. */
  deleted: number;
  /** Files DEST already had as SOURCE has them. */
  unchanged: number;
  /** SOURCE items the filters left out. */
  filtered: number;
  /** Items that failed (files, folders, deletions), each reported on its own line. */
  failed: number;
  /** Folders created in DEST. */
  folders: number;
  /** Symbolic links to folders inside a local SOURCE that were not descended into (no -L). */
  linksNotFollowed: number;
  /** Warnings such as skipped special files. */
  warnings: number;
  /** Files not copied because pCloud went away; running the same command again copies them. */
  notCopied: number;
  /** Files and folders --delete would have removed but did not (see `deletionSkipped`). */
  notDeleted: number;
  /** Why the deletion step did not run, when it did not. */
  deletionSkipped?: string;
  /** Items only DEST has, left alone without --delete. */
  onlyInDest: number;
  /** Since when (ISO time) and why pCloud could not be reached, when that stopped the sync. */
  unreachable?: Unreachable;
  bytes: number;
  seconds: number;
  bytesPerSecond: number;
  /** The failure lines, for scripts. */
  errors: string[];
}

/**
 * The closing line: `3 copied, 1 updated, 2 deleted, 9994 unchanged, 0 filtered, 0 failed in 0.4 s
 * (12.0 KiB, 30.0 KiB/s); 1 folder(s) created.`, then whatever else needs saying.
 */
export function formatSyncSummary(summary: SyncSummary): string {
  const counts = `${summary.copied} copied, ${summary.updated} updated, ${summary.deleted} deleted, ${summary.unchanged} unchanged, ${summary.filtered} filtered, ${summary.failed} failed`;
  const moved = summary.bytes > 0 ? ` (${formatBytes(summary.bytes)}, ${formatRate(summary.bytes, summary.seconds)})` : '';
  const parts = [`${counts} in ${formatDuration(summary.seconds)}${moved}`];
  if (summary.folders > 0) parts.push(`${summary.folders} folder(s) created`);
  if (summary.linksNotFollowed > 0) parts.push(`${summary.linksNotFollowed} linked folder(s) not followed (-L follows them)`);
  if (summary.warnings > 0) parts.push(`${summary.warnings} warning(s)`);
  if (summary.notCopied > 0) parts.push(`${summary.notCopied} not copied`);
  if (summary.deletionSkipped !== undefined) parts.push(`nothing deleted (${summary.notDeleted} to delete): ${summary.deletionSkipped}`);
  else if (summary.notDeleted > 0) parts.push(`${summary.notDeleted} not deleted`);
  if (summary.onlyInDest > 0) parts.push(`${summary.onlyInDest} item(s) only in DEST (--delete removes them)`);
  return `${parts.join('; ')}.`;
}

/** sync's exit code: 130 when interrupted, 1 when anything failed or was left undone. */
export function syncExitCode(summary: SyncSummary, signal: AbortSignal): number {
  if (signal.aborted) return 130;
  return summary.failed > 0 || summary.notCopied > 0 || summary.notDeleted > 0 ? 1 : 0;
}
