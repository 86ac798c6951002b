/**
 * What a failed run may print, defined once for every bin. Standard output stays empty. Standard
 * error holds exactly one clear line naming what was wrong, optionally followed by ONE of:
 *   - `hint: <what to do>` (failures, exit 1);
 *   - `Try '<bin>[ <command>] --help' for more information.` (usage errors, exit 2, always);
 *   - the run's closing summary: pcutil's `N file(s) copied (…) in …; M failed.` or
 *     pcloud-playlist's `"<playlist>": not written: <why>` (exit 1).
 * The clear line starts with `<bin>: ` or, for a problem inside one input file (playlists),
 * compiler-style with `<file>: ` or `<file>:<line>: `. No stack trace, no "internal error".
 */
import type { ToolBin, ToolResult } from './run-tool.js';

const SUMMARIES: Record<ToolBin, RegExp | undefined> = {
  pcutil: /^\d+ file\(s\) copied \(.*\) in .*; \d+ failed\.$/,
  'pcloud-playlist': /^".+": not written: \S.*$/,
  'pcloud-token': undefined,
};

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The ways `result` departs from the shape above; empty when it conforms. */
export function errorShapeProblems(bin: ToolBin, result: ToolResult): string[] {
  const problems: string[] = [];
  if (result.stdout !== '') problems.push(`stdout is not empty: ${JSON.stringify(result.stdout.slice(0, 200))}`);
  if (!result.stderr.endsWith('\n')) problems.push('stderr does not end with a newline');
  const lines = result.stderr.replace(/\n$/, '').split('\n');
  const [first = '', second, ...rest] = lines;
  if (!new RegExp(`^(${escapeRegExp(bin)}|[^\\s:][^:]*(:\\d+)?): \\S`).test(first))
    problems.push(`first line names neither the bin nor a file: ${JSON.stringify(first)}`);
  if (/internal error|^\s+at /m.test(result.stderr)) problems.push('a bug report or stack trace was printed');
  const tryHelp = new RegExp(`^Try '${escapeRegExp(bin)}( [a-z-]+)? --help' for more information\\.$`);
  if (result.code === 2 && !(second !== undefined && tryHelp.test(second)))
    problems.push(`a usage error without the Try '${bin} --help' line`);
  if (result.code !== 2 && second !== undefined && !/^hint: \S/.test(second) && !SUMMARIES[bin]?.test(second)) {
    problems.push(`second line is neither a hint nor the closing summary: ${JSON.stringify(second)}`);
  }
  if (rest.length > 0) problems.push(`more than two lines: ${JSON.stringify(rest)}`);
  return problems;
}
