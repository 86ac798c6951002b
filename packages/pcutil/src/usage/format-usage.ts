import { escapeControl, formatBytes } from '@pcloud/core/internal';
import type { Usage } from './count-usage.js';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** One `du` line: `  1.50 MiB  12 files, 3 folders  p:/Photos` (names escaped: they come from the server). */
export function formatUsage(usage: Usage): string {
  return `${formatBytes(usage.bytes).padStart(10)}  ${plural(usage.files, 'file')}, ${plural(usage.folders, 'folder')}  p:${escapeControl(usage.path)}`;
}

/** The account's quota line: `quota: 1.20 GiB used of 10.0 GiB (12%), 8.80 GiB free`. */
export function formatQuota(used: number, total: number): string {
  const percent = total > 0 ? Math.round((used / total) * 100) : 0;
  return `quota: ${formatBytes(used)} used of ${formatBytes(total)} (${percent}%), ${formatBytes(Math.max(0, total - used))} free`;
}
