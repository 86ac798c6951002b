/** Turns the filter options' values into a filter, when the command runs (see filter-options.ts). */
import { PCloudError } from '@pcloud/core';
import { homeFolders } from '@pcloud/core/internal';
import { type ExpandEnvironment, expandLocalPath } from '../local/expand-path.js';
import type { FilterOptions, PathFilter } from '../filter/path-filter.js';
import { type FilterArgs, givenFilterOptions } from './filter-options.js';

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
