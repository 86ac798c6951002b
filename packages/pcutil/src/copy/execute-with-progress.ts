import type { Readable } from 'node:stream';
import type { CopyPlanStep } from '../plan/types.js';
import type { CopySummary } from '../report/copy-summary.js';
import type { Progress } from '../report/progress.js';
import { byteStream } from '../stdio/byte-stream.js';
import { createCopyOperations, type VerifiedListener } from './copy-operations.js';
import type { CopyStderr, RunCopyDeps, RunCopyRequest } from './copy-request.js';
import { executeCopy, type ExecuteCopyOptions } from './execute-copy.js';

/** What a caller may want to hear of each file as the plan runs (sync does). */
export interface CopyListeners {
  onCopied?: ExecuteCopyOptions['onCopied'];
  onVerified?: VerifiedListener;
}

/**
 * The real run of a plan: {@link executeCopy} with the operations that talk to pCloud and the
 * disk, the waits for pCloud shown on the progress line (a live status on a terminal, plain lines
 * elsewhere), and the progress line removed once it is over, whatever happened.
 */
export async function executeWithProgress(
  steps: readonly CopyPlanStep[],
  progress: Progress,
  request: Pick<RunCopyRequest, 'jobs' | 'verbose' | 'inPlace'>,
  deps: Pick<RunCopyDeps, 'io' | 'client' | 'signal' | 'reachability' | 'showReachability' | 'onRetry'>,
  listeners: CopyListeners = {},
): Promise<CopySummary> {
  const operations = createCopyOperations({
    client: deps.client,
    stdin: deps.io.stdin as Readable,
    stdout: byteStream(deps.io.stdout),
    ...(request.inPlace ? { inPlace: true } : {}),
    ...(listeners.onVerified ? { onVerified: listeners.onVerified } : {}),
  });
  const terminal = (deps.io.stderr as CopyStderr).isTTY === true;
  const hideWaits = deps.showReachability?.({
    line: (text) => progress.line(text),
    ...(terminal ? { status: (text: (() => string) | undefined) => progress.status(text) } : {}),
  });
  try {
    return await executeCopy(steps, operations, {
      jobs: request.jobs,
      verbose: request.verbose,
      progress,
      complain: (line) => progress.line(`pcutil: ${line}`),
      signal: deps.signal,
      ...(deps.reachability ? { reachability: deps.reachability } : {}),
      ...(listeners.onCopied ? { onCopied: listeners.onCopied } : {}),
      ...(deps.onRetry ? { onRetry: deps.onRetry } : {}),
    });
  } finally {
    hideWaits?.();
    progress.stop();
  }
}
