import { defineCommand } from '@pcloud/core/cli';

/** `pcutil cat`: print pCloud files. */
export const catCommand = defineCommand({
  name: 'cat',
  describe: 'write pCloud files to standard output, verified by sha1 (p: is optional)',
  positionals: { paths: { describe: 'PATH...: files to print, in order', variadic: true } },
  examples: [
    ['pcutil cat p:/notes/todo.txt', 'print a file'],
    ['pcutil cat p:/backup.tar | tar x', 'stream a file into another program'],
  ],
  async handler(ctx) {
    // The download code loads only when cat runs, not for --help or other commands.
    const { catFiles } = await import('../stdio/cat-files.js');
    return catFiles(ctx, ctx.args.paths);
  },
});
