import type { Readable } from 'node:stream';
import { escapeControl, PCloudError, type PCloudClient } from '@pcloud/core';
import type { CliIo } from '@pcloud/core/cli';
import type { ExpandEnvironment } from '../local/expand-path.js';
import { formatStep } from '../plan/format-step.js';
import { planJson } from '../plan/plan-json.js';
import type { CopyOptions, CopyPlanStep } from '../plan/types.js';
import { finishCopySummary, formatCopySummary, type CopySummary } from '../report/copy-summary.js';
import { createProgress } from '../report/progress.js';
import { buildCopyPlan } from './build-copy-plan.js';
import { createCopyOperations } from './copy-operations.js';
import { executeCopy } from './execute-copy.js';
import { byteStream } from '../run/byte-stream.js';
import { sweepPartialFiles } from '../local/sweep-partial.js';
import { sweepRemotePartialFiles } from '../remote/sweep-remote-partial.js';

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

/**
 * `pcutil cp`: plan, then print the plan (-d) or execute it with progress, -v lines and a summary
 * (a line on standard error, or JSON on standard output with --json). Answers the exit code:
 * 1 when anything failed.
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
  let summary: CopySummary;
  try {
    summary = await executeCopy(steps, operations, {
      jobs: request.jobs,
      verbose: request.verbose,
      progress,
      complain: (line) => progress.line(`pcutil: ${line}`),
      signal: deps.signal,
    });
  } finally {
    progress.stop();
  }
  summary = finishCopySummary(summary, (performance.now() - started) / 1000);
  if (request.json) deps.io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  // When the one thing asked for failed (or the input was bad), its error line is the whole story.
  else if (summary.failed === 0 || summary.files > 0 || steps.filter((step) => step.op !== 'problem').length > 1) {
    stderr.write(`${formatCopySummary(summary)}\n`);
  }
  if (deps.signal.aborted) return { code: 130, summary };
  return { code: summary.failed > 0 ? 1 : 0, summary };
}
