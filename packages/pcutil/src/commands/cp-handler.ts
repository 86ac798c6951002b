import { isRemoteSpec, parseLocation } from '@pcloud/core';
import { homeFolders, oneAccount } from '@pcloud/core/internal';
import { filterFromArgs, requireRecursiveForFilters } from './filter-from-args.js';
import { runCopy } from '../copy/run-copy.js';
import type { cpCommand } from './cp.js';

/** What `pcutil cp` runs: copy files and folders between this machine and pCloud, or within pCloud. */
export async function runCp(ctx: Parameters<(typeof cpCommand)['handler']>[0]): Promise<number> {
  const paths = ctx.args.paths;
  requireRecursiveForFilters(ctx.args, ctx.args.recursive, '-r');
  const environment = { env: ctx.env, cwd: ctx.cwd, ...homeFolders(ctx.env) };
  const filter = await filterFromArgs(ctx.args, environment);
  const location = oneAccount(paths.filter(isRemoteSpec).map((path) => parseLocation(path)));
  const { code } = await runCopy(
    {
      paths,
      options: {
        recursive: ctx.args.recursive,
        update: ctx.args.update,
        noClobber: ctx.args['no-clobber'],
        followLinks: ctx.args['follow-links'],
      },
      jobs: ctx.args.jobs,
      dryRun: ctx.dryRun,
      verbose: ctx.options.verbose,
      json: ctx.json,
      inPlace: ctx.args['in-place'],
      ...(filter ? { filter } : {}),
    },
    {
      io: ctx.io,
      environment,
      client: () => ctx.client(location),
      signal: ctx.signal,
      reachability: ctx.reachability,
      showReachability: ctx.showReachability,
      onRetry: ctx.onRetry,
    },
  );
  return code;
}
