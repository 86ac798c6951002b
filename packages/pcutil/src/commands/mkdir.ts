import { defineCommand } from '@pcloud/core/cli';

/** `pcutil mkdir`: create pCloud folders. */
export const mkdirCommand = defineCommand({
  name: 'mkdir',
  describe: 'create pCloud folders (p: is optional)',
  positionals: { paths: { describe: 'PATH...: folders to create', variadic: true } },
  options: {
    parents: { type: 'boolean', alias: 'p', describe: 'create missing parents too; an existing folder is fine' },
  },
  examples: [
    ['pcutil mkdir p:/Projects', 'create one folder in the root'],
    ['pcutil mkdir -p p:/Archive/2026/March', 'create the whole chain'],
  ],
  // Its code, and the client under it, load only when mkdir runs: not for --help or another command.
  handler: async (ctx): Promise<number> => (await import('./mkdir-handler.js')).runMkdir(ctx),
});
