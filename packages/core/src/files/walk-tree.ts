/**
 * A whole folder tree with as few calls as the server allows (`listfolder`, pcloud-api.md §3.1).
 * One recursive listing is tried first. pCloud refuses it for the root (1101, since 2026) and
 * for very large trees (5000); then the folder is listed alone and each sub-folder is walked
 * the same way, a bounded number of listings at a time — rclone's workaround, generalised.
 * Every listing is counted, failed ones included, because callers benchmark the call count.
 */
import type { CallOptions, PCloudClient } from '../client/create-client.js';
import type { FolderRef } from '../client/method-table.js';
import { createRetryBudget, sleep } from '../client/retry.js';
import { isTransientError } from '../client/transport-errors.js';
import { createServerWait } from '../client/wait-for-server.js';
import type { FolderMetadata, Metadata } from '../client/types.js';
import { ApiError } from '../errors.js';
import { Result } from '../result-codes.js';
import { createLimiter } from './limiter.js';

/** Options of {@link walkTree}. */
export interface WalkTreeOptions {
  /** Listings in flight at once when walking folder by folder (default 4). */
  concurrency?: number;
  /** Folders only. */
  nofiles?: boolean;
  /** Dates as Unix seconds (`timeformat=timestamp`): a big listing is shorter and cheaper to read. */
  timestamps?: boolean;
  signal?: AbortSignal;
}

/** A walked tree: the folder with nested `contents`, and what it cost. */
export interface WalkResult {
  /** The folder's metadata; every folder below carries its `contents`. */
  root: FolderMetadata;
  /** `listfolder` calls sent, failed and retried ones included. */
  calls: number;
  /** Recursive listings the server refused (1101 or 5000), each answered by a folder-by-folder walk. */
  fallbacks: number;
}

/** Results after which a recursive listing is replaced by a folder-by-folder walk. */
const FALLBACK_RESULTS: ReadonlySet<number> = new Set([Result.recursiveRootRefused, Result.internalError]);

/** Lists a folder tree (`listfolder recursive=1`, folder by folder where refused) and counts the calls. */
export async function walkTree(client: PCloudClient, ref: FolderRef, options: WalkTreeOptions = {}): Promise<WalkResult> {
  const limit = createLimiter(options.concurrency ?? 4);
  const base: CallOptions = { retry: false, ...(options.signal ? { signal: options.signal } : {}) };
  let calls = 0;
  let fallbacks = 0;

  // Retries follow the client's policy (and wait for pCloud as its calls do) but are done here, so that each attempt is counted.
  async function list(folder: FolderRef, recursive: boolean): Promise<FolderMetadata> {
    const wait = createServerWait(client, 'listfolder', options.signal);
    const budget = createRetryBudget(client.retry);
    for (;;) {
      try {
        calls++;
        const params = {
          ...folder,
          ...(recursive ? { recursive: true } : {}),
          ...(options.nofiles ? { nofiles: true } : {}),
          ...(options.timestamps ? { timeformat: 'timestamp' as const } : {}),
        };
        return (await limit(() => client.call('listfolder', params, base))).metadata;
      } catch (error) {
        const fallback = recursive && error instanceof ApiError && FALLBACK_RESULTS.has(error.result);
        if (fallback) throw error;
        const next = await wait.afterFailure(error);
        if (next === 'again') {
          budget.restartClock();
          continue;
        }
        const delay = next === 'stop' || !isTransientError(error) ? undefined : budget.take();
        if (delay === undefined) throw error;
        await sleep(delay, options.signal, 'listfolder');
      }
    }
  }

  async function tree(folder: FolderRef): Promise<FolderMetadata> {
    try {
      const listed = await list(folder, true);
      return { ...listed, contents: listed.contents ?? [] };
    } catch (error) {
      if (!(error instanceof ApiError && FALLBACK_RESULTS.has(error.result))) throw error;
      fallbacks++;
    }
    const listed = await list(folder, false);
    const contents = await Promise.all(
      (listed.contents ?? []).map((child): Promise<Metadata> | Metadata => (child.isfolder ? subtree(child) : child)),
    );
    return { ...listed, contents };
  }

  async function subtree(child: FolderMetadata): Promise<FolderMetadata> {
    const walked = await tree({ folderid: child.folderid });
    // Keep the fields the parent's listing gave (a recursive listing omits `path` below the top).
    return { ...child, ...walked, ...(child.path !== undefined ? { path: child.path } : {}) };
  }

  const root = await tree(ref);
  return { root, calls, fallbacks };
}
