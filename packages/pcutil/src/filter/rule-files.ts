/**
 * Reads the files of `--exclude-from`, `--include-from` and `--filter-from`: one rule a line,
 * surrounding spaces trimmed, empty lines and lines starting with `#` or `;` skipped, as rclone
 * reads them. A file that cannot be read is a one-line usage error.
 */
import { readFileSync, statSync } from 'node:fs';
import { PCloudError } from '@pcloud/core';
import { escapeControl } from '@pcloud/core/internal';

// Rule lists are written by hand; a bigger file is almost surely the wrong one.
const MAX_BYTES = 1024 * 1024;

/** One rule line and where it stands, for error messages. */
export interface RuleLine {
  text: string;
  origin: string;
}

function why(error: unknown): string {
  switch ((error as NodeJS.ErrnoException | undefined)?.code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** The rule lines of `file` (an absolute path), for the option `option` (`--exclude-from`). */
export function readRuleLines(file: string, option: string): RuleLine[] {
  const shown = escapeControl(file);
  let text: string;
  try {
    if (statSync(file).size > MAX_BYTES) throw new PCloudError('USAGE_ERROR', `${option} ${shown}: larger than 1 MiB; is it a rule list?`);
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof PCloudError) throw error;
    throw new PCloudError('USAGE_ERROR', `cannot read ${option} ${shown}: ${why(error)}`);
  }
  const lines: RuleLine[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, index) => {
      const line = raw.trim();
      if (line !== '' && !line.startsWith('#') && !line.startsWith(';'))
        lines.push({ text: line, origin: `${option} ${shown} line ${index + 1}` });
    });
  return lines;
}
