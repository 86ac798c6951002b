import { formatBytes } from '@pcloud/core/internal';
import type { Unreachable } from '../remote/outage-latch.js';
import { formatDuration, formatRate } from './format-units.js';

/** What a copy did, as `--json` prints it and the closing line summarizes it. */
export interface CopySummary {
  /** Files copied and verified. */
  files: number;
  /** Folders created. */
  folders: number;
  /** Files left alone by -n or -u. */
  skipped: number;
  /** Files and folders the filters left out (a folder left out whole counts once). */
  filtered: number;
  /** Items that failed (files, folders, sources), each reported on its own line. */
  failed: number;
  /** Warnings such as skipped special files. */
  warnings: number;
  /** Symbolic links to folders inside a local source that were not descended into (no -L). */
  linksNotFollowed: number;
  /** Files not copied because pCloud went away; running the same command again copies them. */
  notCopied: number;
  /** Since when (ISO time) and why pCloud could not be reached, when that stopped the copy. */
  unreachable?: Unreachable;
  bytes: number;
  seconds: number;
  bytesPerSecond: number;
  /** The failure lines, for scripts. */
  errors: string[];
}

/** An empty summary to count into. */
export function createCopySummary(): CopySummary {
  return {
    files: 0,
    folders: 0,
    skipped: 0,
    filtered: 0,
    failed: 0,
    warnings: 0,
    linksNotFollowed: 0,
    notCopied: 0,
    bytes: 0,
    seconds: 0,
    bytesPerSecond: 0,
    errors: [],
  };
}

/** Stops the clock: fills in the time and the average rate. */
export function finishCopySummary(summary: CopySummary, seconds: number): CopySummary {
  return { ...summary, seconds, bytesPerSecond: seconds > 0 ? Math.round(summary.bytes / seconds) : 0 };
}

/** The closing line: `3 file(s) copied (12.0 KiB) in 0.4 s, 30.0 KiB/s; 1 skipped; 4 filtered; 5 not copied; 2 failed.` */
export function formatCopySummary(summary: CopySummary): string {
  const parts = [
    `${summary.files} file(s) copied (${formatBytes(summary.bytes)}) in ${formatDuration(summary.seconds)}, ${formatRate(summary.bytes, summary.seconds)}`,
  ];
  if (summary.folders > 0) parts.push(`${summary.folders} folder(s) created`);
  if (summary.skipped > 0) parts.push(`${summary.skipped} skipped`);
  if (summary.filtered > 0) parts.push(`${summary.filtered} filtered`);
  if (summary.linksNotFollowed > 0) parts.push(`${summary.linksNotFollowed} linked folder(s) not followed (-L follows them)`);
  if (summary.warnings > 0) parts.push(`${summary.warnings} warning(s)`);
  if (summary.notCopied > 0) parts.push(`${summary.notCopied} not copied`);
  parts.push(`${summary.failed} failed`);
  return `${parts.join('; ')}.`;
}
