import { formatLoc } from './loc.js';
import type { CopyPlanStep, RemovePlanStep } from './types.js';

const SKIP_REASONS = { exists: 'exists, not replaced (-n)', same: 'same size and checksum (-u)', unchanged: 'unchanged' } as const;

/**
 * The line a dry run (and -v) prints for a step, in the original pcutil's format: `cp SRC DEST`,
 * `mkfolder p:/X`, `mkdir X`, `rm PATH`, `rm -r PATH`; sync adds why a file is copied
 * (`cp SRC DEST (time)`); and `filtered PATH` (a folder with a trailing `/`) for what the
 * filters left out. Problems have no plan line: they are
 * reported on standard error instead, so this returns undefined for them.
 */
export function formatStep(step: CopyPlanStep | RemovePlanStep): string | undefined {
  switch (step.op) {
    case 'mkdir':
      return step.at.side === 'remote' ? `mkfolder ${formatLoc(step.at)}` : `mkdir ${formatLoc(step.at)}`;
    case 'copy':
      return `cp ${formatLoc(step.from)} ${formatLoc(step.to)}${step.reason ? ` (${step.reason})` : ''}`;
    case 'skip':
      return `skip ${formatLoc(step.to)}: ${SKIP_REASONS[step.reason]}`;
    case 'rm':
      return step.what === 'tree' ? `rm -r ${formatLoc(step.at)}` : `rm ${formatLoc(step.at)}`;
    case 'filtered':
      return `filtered ${formatLoc(step.at)}${step.what === 'folder' ? '/' : ''}`;
    case 'problem':
      return undefined;
  }
}

/** The summary line of `rm -r`, as the original prints it; with filters, what they left alone too. */
export function formatRemovedCounts(path: string, folders: number, files: number, filtered?: number): string {
  const counts = `${path}: ${folders} folder(s), ${files} file(s) deleted`;
  return filtered === undefined ? `${counts}.` : `${counts}; ${filtered} filtered.`;
}
