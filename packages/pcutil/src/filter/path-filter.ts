/**
 * The filters shared by `cp -r`, `ls`, `rm -r`, `du` and `sync`: rclone's include/exclude rules
 * (rclone.org/filtering) and its age and size limits, behind one small interface.
 */
import { PCloudError } from '@pcloud/core';
import { parseMoment, TIME_FORMS } from './parse-time.js';
import { parseSize, SIZE_FORMS } from './parse-size.js';
import { readRuleLines } from './rule-files.js';
import { compileRules, firstMatch, parseFilterRule, type RuleEntry } from './rule-list.js';

/** What a filter is made of, as the options give it. Files are absolute paths (the command resolves them). */
export interface FilterOptions {
  /** `--include PATTERN`: a file matching one is taken, and everything else is left out. */
  include?: readonly string[];
  /** `--include-from FILE`: include patterns, one a line. */
  includeFrom?: readonly string[];
  /** `--exclude PATTERN`: a file matching one is left out. */
  exclude?: readonly string[];
  /** `--exclude-from FILE`: exclude patterns, one a line. */
  excludeFrom?: readonly string[];
  /** `--filter RULE`: `+ PATTERN`, `- PATTERN` or `!` (forget the rules so far), in order. */
  filter?: readonly string[];
  /** `--filter-from FILE`: such rules, one a line. */
  filterFrom?: readonly string[];
  /** `--max-age`: only files modified since then (`7d`, `12h`, a date). */
  maxAge?: string;
  /** `--min-age`: only files modified before then. */
  minAge?: string;
  /** `--max-size`: only files this size or smaller (`10M`, binary units). */
  maxSize?: string;
  /** `--min-size`: only files this size or larger. */
  minSize?: string;
}

/** An item a filter is asked about. */
export interface FilterEntry {
  kind: 'file' | 'folder';
  /** Bytes; a file of unknown size passes the size limits. */
  size?: number;
  /** Modification time in Unix seconds; a file of unknown time passes the age limits. */
  mtime?: number;
}

/**
 * Decides what a recursive command takes. Paths are relative to the root of the transfer (the
 * folder named on the command line), `/`-separated, without a leading or trailing slash.
 */
export interface PathFilter {
  /**
   * Whether the item is taken. A file: the age and size limits, then the first matching rule
   * (none: taken). A folder: whether the rules select the folder itself (a walk may enter it, and
   * no rule excludes its path), which decides whether an empty folder is copied or removed; the
   * age and size limits apply to files only, as in rclone.
   */
  includes(path: string, entry: FilterEntry): boolean;
  /** Whether a walk should enter the folder: false only when nothing below it can be taken. */
  descends(folderPath: string): boolean;
  /** False when no filter option was given: everything is taken. */
  readonly active: boolean;
}

function rulesOf(options: FilterOptions): RuleEntry[] {
  const includes = [...(options.include ?? []), ...(options.includeFrom ?? [])];
  const excludes = [...(options.exclude ?? []), ...(options.excludeFrom ?? [])];
  if (includes.length > 0 && excludes.length > 0) {
    throw new PCloudError(
      'USAGE_ERROR',
      "--include and --exclude cannot be mixed (rclone would apply every include first, whatever the order): write them in order as --filter '+ PATTERN' and --filter '- PATTERN', or in a --filter-from file",
    );
  }
  const entries: RuleEntry[] = [];
  const globs = (globs: readonly string[] | undefined, include: boolean, option: string): void => {
    for (const glob of globs ?? []) entries.push({ include, glob, origin: option });
  };
  const files = (files: readonly string[] | undefined, option: string, read: (text: string, origin: string) => RuleEntry): void => {
    for (const file of files ?? []) for (const line of readRuleLines(file, option)) entries.push(read(line.text, line.origin));
  };
  // rclone's order: includes, excludes, then filter rules; an include implies "- **" at the end.
  globs(options.include, true, '--include');
  files(options.includeFrom, '--include-from', (glob, origin) => ({ include: true, glob, origin }));
  globs(options.exclude, false, '--exclude');
  files(options.excludeFrom, '--exclude-from', (glob, origin) => ({ include: false, glob, origin }));
  for (const rule of options.filter ?? []) entries.push(parseFilterRule(rule, '--filter'));
  files(options.filterFrom, '--filter-from', parseFilterRule);
  if (includes.length > 0) entries.push({ include: false, glob: '/**', origin: '--include' });
  return entries;
}

function moment(text: string | undefined, option: string, now: Date): number | undefined {
  if (text === undefined) return undefined;
  const seconds = parseMoment(text, now, -1);
  if (seconds === undefined) throw new PCloudError('USAGE_ERROR', `${option} "${text}" is not a time: use ${TIME_FORMS}`);
  return seconds;
}

function bytes(text: string | undefined, option: string): number | undefined {
  if (text === undefined) return undefined;
  const size = parseSize(text);
  if (size === undefined) throw new PCloudError('USAGE_ERROR', `${option} "${text}" is not a size: use ${SIZE_FORMS}`);
  return size;
}

/** A filter from the options; USAGE_ERROR for a bad pattern, rule, file, age or size. `now` anchors the ages. */
export function createPathFilter(options: FilterOptions, now: Date = new Date()): PathFilter {
  const rules = compileRules(rulesOf(options));
  const newest = moment(options.minAge, '--min-age', now);
  const oldest = moment(options.maxAge, '--max-age', now);
  const largest = bytes(options.maxSize, '--max-size');
  const smallest = bytes(options.minSize, '--min-size');
  if (newest !== undefined && oldest !== undefined && newest < oldest) {
    throw new PCloudError('USAGE_ERROR', `--min-age ${options.minAge} is older than --max-age ${options.maxAge}: no file could be taken`);
  }
  if (largest !== undefined && smallest !== undefined && largest < smallest) {
    throw new PCloudError('USAGE_ERROR', `--max-size ${options.maxSize} is below --min-size ${options.minSize}: no file could be taken`);
  }
  const fits = (entry: FilterEntry): boolean => {
    const { size, mtime } = entry;
    if (size !== undefined && ((largest !== undefined && size > largest) || (smallest !== undefined && size < smallest))) return false;
    if (mtime !== undefined && ((oldest !== undefined && mtime < oldest) || (newest !== undefined && mtime > newest))) return false;
    return true;
  };
  const limited = [newest, oldest, largest, smallest].some((limit) => limit !== undefined);
  return {
    active: limited || rules.files.length > 0 || rules.folders.length > 0,
    descends: (folderPath) => firstMatch(rules.folders, folderPath),
    includes(path, entry) {
      if (entry.kind === 'folder') return firstMatch(rules.folders, path) && firstMatch(rules.files, path);
      return fits(entry) && firstMatch(rules.files, path);
    },
  };
}
