import type { PCloudClient, Reachability } from '@pcloud/core';
import type { CliIo, ReachabilityView } from '@pcloud/core/cli';
import type { ExpandEnvironment } from '../local/expand-path.js';
import type { PathFilter } from '../filter/path-filter.js';
import type { CopyOptions } from '../plan/types.js';

/** What `pcutil cp` was asked to do. */
export interface RunCopyRequest {
  paths: readonly string[];
  options: CopyOptions;
  /** -j: transfers at once; undefined lets the copy adapt (adaptive-lanes.ts). */
  jobs: number | undefined;
  dryRun: boolean;
  verbose: boolean;
  json: boolean;
  /** --in-place: see CopyOperationsDeps.inPlace. */
  inPlace?: boolean;
  /** What to take from source folders (-r); undefined: everything. */
  filter?: PathFilter;
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
  /** Tells about every retry of a transient failure, so the copy can slow down (see CommandContext.onRetry). */
  onRetry?(listener: () => void): () => void;
}

/** Standard error as cp uses it: a terminal (with its width) gets a live progress line. */
export type CopyStderr = CliIo['stderr'] & { isTTY?: boolean; columns?: number };
