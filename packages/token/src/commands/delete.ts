import { defineCommand } from '@pcloud/core/cli';

/** `pcloud-token delete ID...` (also `--delete ID[,ID...]`): invalidates tokens (`deletetoken`). */
export const deleteCommand = defineCommand({
  name: 'delete',
  describe: 'delete login tokens by id (also: --delete ID[,ID...])',
  positionals: { ids: { describe: 'ID...: token ids from pcloud-token list (commas allowed)', variadic: true } },
  examples: [
    ['pcloud-token delete 163409641', 'end one session'],
    ['pcloud-token --delete 12,34', "the original tool's spelling"],
  ],
  // Its code, and the client under it, load only when delete runs: not for --help or another command.
  handler: async (ctx): Promise<number> => (await import('./delete-handler.js')).runDelete(ctx),
});
