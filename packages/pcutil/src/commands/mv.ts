import { defineCommand } from '@pcloud/core/cli';

/** `pcutil mv`: rename or move pCloud files and folders on the server. */
export const mvCommand = defineCommand({
  name: 'mv',
  describe: 'rename or move pCloud files and folders on the server (p: is optional)',
  positionals: { paths: { describe: 'SOURCE... DEST: an existing DEST folder receives the sources under their names', variadic: true } },
  dryRun: true,
  examples: [
    ['pcutil mv p:/draft.txt p:/final.txt', 'rename a file'],
    ['pcutil mv p:/a.txt p:/b.txt p:/Archive', 'move two files into a folder'],
    ['pcutil mv p:/Old p:/Archive/Old-2025', 'move and rename a folder'],
  ],
  // Its code, and the client under it, load only when mv runs: not for --help or another command.
  handler: async (ctx): Promise<number> => (await import('./mv-handler.js')).runMv(ctx),
});
