/**
 * The filter options of `cp -r`, `ls`, `rm -r`, `du` and `sync`, declared once: each command spreads
 * `filterOptions` into its own options and turns its arguments into a filter with
 * `filterFromArgs`. None is saved by `-s`: a remembered exclude would quietly change every later run.
 */
import { PCloudError } from '@pcloud/core';
import { homeFolders } from '@pcloud/core/internal';
import type { OptionArgs } from '@pcloud/core/cli';
import { type ExpandEnvironment, expandLocalPath } from '../local/expand-path.js';
import type { FilterOptions, PathFilter } from '../filter/path-filter.js';

/** The filter options, for a command's `options`. */
export const filterOptions = {
  exclude: {
    type: 'repeatable',
    oneShot: true,
    describe:
      "leave out what matches PATTERN (rclone's globs: * and ? stay within a name, ** crosses folders, [a-z], {jpg,png}; /PATTERN matches from the top of the transfer only, PATTERN/ matches folders and all they hold); repeatable, e.g. --exclude '*.tmp' --exclude node_modules/",
  },
  include: {
    type: 'repeatable',
    oneShot: true,
    describe:
      "take only what matches PATTERN and leave out everything else, e.g. --include '*.{jpg,png}'; repeatable; cannot be mixed with --exclude (use --filter for both, in order)",
  },
  filter: {
    type: 'repeatable',
    oneShot: true,
    describe:
      "a rule, in order with the others: '- PATTERN' leaves out, '+ PATTERN' takes, '!' forgets the rules so far; the first rule that matches decides, and what none matches is taken, e.g. --filter '- secret*' --filter '+ *.jpg' --filter '- **'",
  },
  'exclude-from': { type: 'repeatable', oneShot: true, describe: 'read --exclude patterns from FILE, one a line (# and ; start comments)' },
  'include-from': { type: 'repeatable', oneShot: true, describe: 'read --include patterns from FILE, one a line' },
  'filter-from': {
    type: 'repeatable',
    oneShot: true,
    describe: "read --filter rules from FILE, one a line: '+ PATTERN', '- PATTERN' or '!' (rclone's --filter-from files work as they are)",
  },
  'max-age': {
    type: 'string',
    oneShot: true,
    describe: 'only files modified within AGE (7d, 12h, 1h30m; units ms s m h d w, M = 30 days, y = 365 days) or since a DATE (2026-01-31)',
  },
  'min-age': { type: 'string', oneShot: true, describe: 'only files modified at least AGE ago, or before a DATE' },
  'max-size': {
    type: 'string',
    oneShot: true,
    describe: 'only files of SIZE or less, in binary units: B bytes, K = 1024 bytes (KiB), M = MiB, G = GiB, T = TiB, e.g. 100M',
  },
  'min-size': { type: 'string', oneShot: true, describe: 'only files of SIZE or more (binary units, as --max-size)' },
} as const;

/** The values of the filter options, as a command's `ctx.args` holds them. */
export type FilterArgs = OptionArgs<typeof filterOptions>;

/** The filter options that were given, by their names on the command line. */
export function givenFilterOptions(args: FilterArgs): string[] {
  return Object.keys(filterOptions).filter((name) => {
    const value = args[name as keyof FilterArgs];
    return Array.isArray(value) ? value.length > 0 : value !== undefined;
  });
}

/** Refuses filters where no folder is walked (`cp` and `rm` without `-r`): they would silently do nothing. */
export function requireRecursiveForFilters(args: FilterArgs, recursive: boolean, flag: string): void {
  const given = givenFilterOptions(args);
  if (given.length > 0 && !recursive) {
    throw new PCloudError('USAGE_ERROR', `--${given[0]} chooses what is inside folders: it needs ${flag}`);
  }
}

/**
 * The filter the arguments describe, or undefined when none was given (the matcher then never
 * loads). Files are expanded as local paths are (`~`, `$VAR`, relative to the working folder).
 */
export async function filterFromArgs(args: FilterArgs, environment: ExpandEnvironment): Promise<PathFilter | undefined> {
  if (givenFilterOptions(args).length === 0) return undefined;
  const files = (list: string[] | undefined): string[] => (list ?? []).map((file) => expandLocalPath(file, environment).path);
  const options: FilterOptions = {
    include: args.include ?? [],
    includeFrom: files(args['include-from']),
    exclude: args.exclude ?? [],
    excludeFrom: files(args['exclude-from']),
    filter: args.filter ?? [],
    filterFrom: files(args['filter-from']),
    ...(args['max-age'] !== undefined ? { maxAge: args['max-age'] } : {}),
    ...(args['min-age'] !== undefined ? { minAge: args['min-age'] } : {}),
    ...(args['max-size'] !== undefined ? { maxSize: args['max-size'] } : {}),
    ...(args['min-size'] !== undefined ? { minSize: args['min-size'] } : {}),
  };
  const { createPathFilter } = await import('../filter/path-filter.js');
  return createPathFilter(options);
}

/** {@link filterFromArgs} for a command's context: files are read relative to its working folder and home. */
export function filterFromContext(ctx: {
  args: FilterArgs;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}): Promise<PathFilter | undefined> {
  return filterFromArgs(ctx.args, { env: ctx.env, cwd: ctx.cwd, ...homeFolders(ctx.env) });
}
