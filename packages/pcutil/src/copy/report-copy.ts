import type { CliIo } from '@pcloud/core/cli';
import type { CopyOptions, CopyPlanStep } from '../plan/types.js';
import { formatCopySummary, type CopySummary } from '../report/copy-summary.js';
import { stoppedLine } from '../report/stopped-line.js';
import type { CopyStderr } from './copy-request.js';

/** How to finish a copy that pCloud's going away stopped: the same command, and -u skips what is already there. */
function resumeHint(options: CopyOptions): string {
  if (options.update || options.noClobber) return 'hint: run the same command again to copy the rest';
  return 'hint: run the same command again to copy the rest (with -u it skips the files already copied)';
}

/**
 * Tells how a copy went: when pCloud went away, since when and why; then the summary (a line on
 * standard error, or JSON on standard output with --json); then, after an outage, how to finish.
 */
export function reportCopy(summary: CopySummary, steps: readonly CopyPlanStep[], options: CopyOptions, json: boolean, io: CliIo): void {
  const stderr = io.stderr as CopyStderr;
  const outage = summary.unreachable;
  if (outage) stderr.write(`${stoppedLine(outage)}\n`);
  if (json) io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  // When the one thing asked for failed (or the input was bad), its error line is the whole story.
  else if (outage || summary.failed === 0 || summary.files > 0 || steps.filter((step) => step.op !== 'problem').length > 1) {
    stderr.write(`${formatCopySummary(summary)}\n`);
  }
  if (outage) stderr.write(`${resumeHint(options)}\n`);
}

/** cp's exit code: 130 when interrupted, 1 when anything failed or was not copied because pCloud went away. */
export function copyExitCode(summary: CopySummary, signal: AbortSignal): number {
  if (signal.aborted) return 130;
  return summary.failed > 0 || summary.notCopied > 0 ? 1 : 0;
}
