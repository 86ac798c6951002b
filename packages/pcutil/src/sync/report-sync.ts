import type { CliIo } from '@pcloud/core/cli';
import { stoppedLine } from '../report/stopped-line.js';
import { formatSyncSummary, type SyncSummary } from './sync-summary.js';

/**
 * Tells how a sync went: when pCloud went away, since when and why; then the summary (a line on
 * standard error, or JSON on standard output with --json); then, after an outage, how to finish.
 */
export function reportSync(summary: SyncSummary, json: boolean, io: CliIo): void {
  if (summary.unreachable) io.stderr.write(`${stoppedLine(summary.unreachable)}\n`);
  if (json) io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  else io.stderr.write(`${formatSyncSummary(summary)}\n`);
  if (summary.unreachable) io.stderr.write('hint: run the same command again: it copies only what is still missing or different\n');
}
