import { PCloudError } from '@pcloud/core';
import type { RunCopyRequest } from './copy-request.js';

/**
 * Refuses, before anything is looked up, what cannot work together: `--json` writes the summary
 * to standard output, where DEST `-` writes the file. (The checks that need the parsed paths are
 * made while the plan is built.)
 */
export function checkCopyUsage(request: Pick<RunCopyRequest, 'paths' | 'dryRun' | 'json'>): void {
  if (request.json && !request.dryRun && request.paths.at(-1) === '-') {
    throw new PCloudError(
      'USAGE_ERROR',
      '--json prints the summary on standard output, where DEST - sends the file; leave one of them out',
    );
  }
}
