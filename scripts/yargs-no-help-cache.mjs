// An esbuild plugin for bundles that compile yargs in. Before it runs a command's handler, yargs
// renders that command's whole help and keeps it, to print should the handler's promise fail
// later: a few tens of milliseconds of every `pcutil ls`, measured. Core's handler only records
// which command matched and cannot fail, and core prints its own one-line errors, so that text is
// never shown: the call goes. The build stops if yargs no longer has it, rather than keep a
// patch that no longer applies.
import { readFile } from 'node:fs/promises';

const CALL = 'yargs.getInternalMethods().getUsageInstance().cacheHelpMessage();';

export const yargsNoHelpCache = {
  name: 'yargs-no-help-cache',
  setup(build) {
    build.onLoad({ filter: /[/\\]yargs[/\\]build[/\\]lib[/\\]command\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (source.split(CALL).length !== 2) throw new Error(`yargs-no-help-cache: ${args.path} no longer calls ${CALL} once`);
      return { contents: source.replace(CALL, ''), loader: 'js' };
    });
  },
};
