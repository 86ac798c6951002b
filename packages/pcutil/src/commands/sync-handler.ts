import { isRemoteSpec, parseLocation, PCloudError } from '@pcloud/core';
import { homeFolders, oneAccount } from '@pcloud/core/internal';
import { PASS_EVERYTHING } from '../sync/path-filter.js';
import { filterFromContext } from './filter-from-args.js';
import { runSync } from '../sync/run-sync.js';
import type { syncCommand } from './sync.js';

/** What `pcutil sync` runs: make a folder on one side hold exactly what a folder on the other holds. */
export async function runSyncCommand(ctx: Parameters<(typeof syncCommand)['handler']>[0]): Promise<number> {
  const paths = ctx.args.paths;
  if (ctx.args.checksum && ctx.args['size-only'])
    throw new PCloudError('USAGE_ERROR', '--checksum and --size-only compare differently; give one of them');
  // What the filters leave out takes no part on either side: not copied, and not deleted from DEST.
  const filter = (await filterFromContext(ctx)) ?? PASS_EVERYTHING;
  const location = oneAccount(paths.filter(isRemoteSpec).map((path) => parseLocation(path)));
  const { code } = await runSync(
    {
      paths,
      compare: ctx.args.checksum ? 'checksum' : ctx.args['size-only'] ? 'size' : 'size-time',
      delete: ctx.args.delete,
      maxDelete: ctx.args['max-delete'],
      followLinks: ctx.args['follow-links'],
      filter,
      jobs: ctx.args.jobs,
      dryRun: ctx.dryRun,
      verbose: ctx.options.verbose,
      json: ctx.json,
    },
    {
      io: ctx.io,
      environment: { env: ctx.env, cwd: ctx.cwd, ...homeFolders(ctx.env) },
      client: () => ctx.client(location),
      signal: ctx.signal,
      reachability: ctx.reachability,
      showReachability: ctx.showReachability,
    },
  );
  return code;
}
