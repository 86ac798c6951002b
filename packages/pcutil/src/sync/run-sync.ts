import { ADAPTIVE_LANES } from '../copy/adaptive-lanes.js';
import type { RunCopyDeps } from '../copy/copy-request.js';
import { planSync } from '../plan/plan-sync.js';
import { digestCachePath, openDigestCache } from './open-digest-cache.js';
import { executeSync } from './execute-sync.js';
import { createFileDigests } from './file-digests.js';
import { lookUpSync } from './look-up-sync.js';
import { printSyncPlan } from './print-sync-plan.js';
import { reportSync } from './report-sync.js';
import { settleChecksums } from './settle-checksums.js';
import type { RunSyncRequest } from './sync-request.js';
import { type SyncSummary, syncExitCode } from './sync-summary.js';

/**
 * `pcutil sync`, step by step: list both sides (one recursive listing each), plan, settle
 * same-size files by sha1 with --checksum (through the digest cache), then print the plan (-d) or
 * execute it, deletions last, and report. Answers the exit code.
 */
export async function runSync(request: RunSyncRequest, deps: RunCopyDeps): Promise<{ code: number; summary?: SyncSummary }> {
  const started = performance.now();
  const trees = await lookUpSync(request.paths, { followLinks: request.followLinks }, deps.environment, deps.client);
  let plan = planSync(trees, { compare: request.compare, delete: request.delete, filter: request.filter });
  const opened =
    request.compare === 'checksum'
      ? openDigestCache(digestCachePath(deps.environment.env, deps.environment.home), (await deps.client()).endpoint.host, {
          readOnly: request.dryRun,
        })
      : undefined;
  try {
    if (opened?.note) deps.io.stderr.write(`pcutil: note: ${opened.note}\n`);
    const digests = opened ? createFileDigests(opened.cache, deps.client, deps.signal) : undefined;
    if (digests) plan = { ...plan, steps: await settleChecksums(plan.steps, digests, request.jobs ?? ADAPTIVE_LANES.start, deps.signal) };
    if (request.dryRun) return { code: printSyncPlan(plan, request.maxDelete, deps.io, request.json) };
    const done = await executeSync(plan, request, deps, digests);
    const seconds = (performance.now() - started) / 1000;
    const summary: SyncSummary = { ...done, seconds, bytesPerSecond: seconds > 0 ? Math.round(done.bytes / seconds) : 0 };
    reportSync(summary, request.json, deps.io);
    return { code: syncExitCode(summary, deps.signal), summary };
  } finally {
    opened?.cache.close();
  }
}
