import { finishCopySummary, type CopySummary } from '../report/copy-summary.js';
import { sweepLeftovers } from '../leftovers/sweep-leftovers.js';
import { ADAPTIVE_LANES } from './adaptive-lanes.js';
import { buildCopyPlan } from './build-copy-plan.js';
import { checkCopyUsage } from './check-copy-usage.js';
import { createCopyProgress } from './copy-progress.js';
import type { CopyStderr, RunCopyDeps, RunCopyRequest } from './copy-request.js';
import { executeWithProgress } from './execute-with-progress.js';
import { printCopyPlan } from './print-copy-plan.js';
import { copyExitCode, reportCopy } from './report-copy.js';

/**
 * `pcutil cp`, step by step: check the usage, build the plan, print it (-d) or sweep what an
 * interrupted earlier run left, execute the plan with progress, report the outcome. Answers the
 * exit code: 1 when anything failed or was not copied because pCloud went away.
 */
export async function runCopy(request: RunCopyRequest, deps: RunCopyDeps): Promise<{ code: number; summary?: CopySummary }> {
  const started = performance.now();
  checkCopyUsage(request);
  const steps = await buildCopyPlan({
    paths: request.paths,
    options: request.options,
    jobs: request.jobs ?? ADAPTIVE_LANES.start,
    environment: deps.environment,
    getClient: deps.client,
    signal: deps.signal,
    ...(request.filter ? { filter: request.filter } : {}),
  });
  if (request.dryRun) return { code: printCopyPlan(steps, deps.io, request.json, request.verbose) };
  const swept = await sweepLeftovers(steps, deps.client);
  const progress = createCopyProgress(steps, deps.io.stderr as CopyStderr);
  if (swept > 0 && request.verbose) progress.line(`removed ${swept} temporary file(s) an interrupted earlier copy left`);
  const executed = await executeWithProgress(steps, progress, request, deps);
  const summary = finishCopySummary(executed, (performance.now() - started) / 1000);
  reportCopy(summary, steps, request.options, request.json, deps.io);
  return { code: copyExitCode(summary, deps.signal), summary };
}
