import type { Readable } from 'node:stream';
import { escapeControl, PCloudError, type PCloudClient, type Reachability } from '@pcloud/core';
import { describeOutage, type CliIo, type ReachabilityView } from '@pcloud/core/cli';
import type { ExpandEnvironment } from '../local/expand-path.js';
import { formatStep } from '../plan/format-step.js';
import { planJson } from '../plan/plan-json.js';
import type { CopyOptions, CopyPlanStep } from '../plan/types.js';
import { finishCopySummary, formatCopySummary, type CopySummary } from '../report/copy-summary.js';
import { createProgress } from '../report/progress.js';
import { buildCopyPlan } from './build-copy-plan.js';
import { createCopyOperations } from './copy-operations.js';
import { executeCopy } from './execute-copy.js';
import { byteStream } from '../stdio/byte-stream.js';
import { sweepPartialFiles } from '../leftovers/sweep-partial.js';
import { sweepRemotePartialFiles } from '../leftovers/sweep-remote-partial.js';

/** What `pcutil cp` was asked to do. */
export interface RunCopyRequest {
  paths: readonly string[];
  options: CopyOptions;
  jobs: number;
  dryRun: boolean;
  verbose: boolean;
  json: boolean;
  /** --in-place: see CopyOperationsDeps.inPlace. */
  inPlace?: boolean;
}

/** What `pcutil cp` runs with. */
export interface RunCopyDeps {
  io: CliIo;
  environment: ExpandEnvironment;
  client(): Promise<PCloudClient>;
  signal: AbortSignal;
  /** The run's judgement of whether pCloud answers; the copy stops when it is judged gone. */
  reachability?: Reachability;
  /** Shows the run's waits for pCloud through the progress line instead of plain lines, until called back. */
  showReachability?(view: ReachabilityView): () => void;
}

/**
 * Prints the plan the way the original's dry run did (or as JSON), problems on standard error, with
 * control characters escaped (names may come from a server); answers the exit code.
 */
function printPlan(steps: readonly CopyPlanStep[], io: CliIo, json: boolean): number {
  let failed = false;
  for (const step of steps) {
    if (step.op === 'problem') {
      io.stderr.write(`pcutil: ${step.severity === 'warning' ? 'warning: ' : ''}${escapeControl(step.message)}\n`);
      failed ||= step.severity === 'error';
    } else if (!json) io.stdout.write(`${escapeControl(formatStep(step) ?? '')}\n`);
  }
  if (json) io.stdout.write(`${JSON.stringify(planJson(steps), null, 2)}\n`);
  return failed ? 1 : 0;
}

/** How to finish a copy that pCloud's going away stopped: the same command, and -u skips what is already there. */
function resumeHint(options: CopyOptions): string {
  if (options.update || options.noClobber) return 'hint: run the same command again to copy the rest';
  return 'hint: run the same command again to copy the rest (with -u it skips the files already copied)';
}

/**
 * `pcutil cp`: plan, then print the plan (-d) or execute it with progress, -v lines and a summary
 * (a line on standard error, or JSON on standard output with --json). Answers the exit code:
 * 1 when anything failed or was not copied because pCloud went away.
 */
export async function runCopy(request: RunCopyRequest, deps: RunCopyDeps): Promise<{ code: number; summary?: CopySummary }> {
  const started = performance.now();
  if (request.json && !request.dryRun && request.paths.at(-1) === '-') {
    throw new PCloudError('USAGE_ERROR', '--json prints the summary on standard output, where DEST - sends the file; leave one of them out');
  }
  const steps = await buildCopyPlan({
    paths: request.paths,
    options: request.options,
    jobs: request.jobs,
    environment: deps.environment,
    getClient: deps.client,
    signal: deps.signal,
  });
  if (request.dryRun) return { code: printPlan(steps, deps.io, request.json) };
  // On pCloud the sweep is best effort: a listing that fails leaves leftovers, never stops the copy.
  const swept = (await sweepPartialFiles(steps)) + (await sweepRemotePartialFiles(steps, deps.client).catch(() => 0));
  const stderr = deps.io.stderr as CliIo['stderr'] & { isTTY?: boolean; columns?: number };
  const total = steps.reduce((sum, step) => sum + (step.op === 'copy' ? (step.source.size ?? 0) : 0), 0);
  const progress = createProgress(
    { write: (text) => void stderr.write(text), isTTY: stderr.isTTY === true, ...(stderr.columns ? { columns: stderr.columns } : {}) },
    total,
  );
  if (swept > 0 && request.verbose) progress.line(`removed ${swept} temporary file(s) an interrupted earlier copy left`);
  const operations = createCopyOperations({
    client: deps.client,
    stdin: deps.io.stdin as Readable,
    stdout: byteStream(deps.io.stdout),
    ...(request.inPlace ? { inPlace: true } : {}),
  });
  const hideWaits = deps.showReachability?.({
    line: (text) => progress.line(text),
    ...(stderr.isTTY === true ? { status: (text: (() => string) | undefined) => progress.status(text) } : {}),
  });
  let summary: CopySummary;
  try {
    summary = await executeCopy(steps, operations, {
      jobs: request.jobs,
      verbose: request.verbose,
      progress,
      complain: (line) => progress.line(`pcutil: ${line}`),
      signal: deps.signal,
      ...(deps.reachability ? { reachability: deps.reachability } : {}),
    });
  } finally {
    hideWaits?.();
    progress.stop();
  }
  summary = finishCopySummary(summary, (performance.now() - started) / 1000);
  const outage = summary.unreachable;
  if (outage) stderr.write(`pcutil: stopped: ${describeOutage({ since: Date.parse(outage.since), detail: outage.reason })}\n`);
  if (request.json) deps.io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  // When the one thing asked for failed (or the input was bad), its error line is the whole story.
  else if (outage || summary.failed === 0 || summary.files > 0 || steps.filter((step) => step.op !== 'problem').length > 1) {
    stderr.write(`${formatCopySummary(summary)}\n`);
  }
  if (outage) stderr.write(`${resumeHint(request.options)}\n`);
  if (deps.signal.aborted) return { code: 130, summary };
  return { code: summary.failed > 0 || summary.notCopied > 0 ? 1 : 0, summary };
}
