// An esbuild plugin for bundles that compile yargs in. yargs lays out its help with cliui, which
// wraps every cell with wrap-ansi; after wrapping the words into rows, wrap-ansi copies the text
// again one character at a time to carry colour and hyperlink codes across line breaks: about a
// quarter of a `--help`, measured. Text without an escape character (\u001B, \u009B) has no code
// to carry, and that copy is the text itself, so the patch returns it at once. The build stops if
// wrap-ansi no longer has that step, rather than keep a patch that no longer applies.
import { readFile } from 'node:fs/promises';

const STEP = 'const pre = [...preString];';
const SHORTCUT = "if (!preString.includes('\\u001B') && !preString.includes('\\u009B')) return preString;";

export const wrapAnsiPlain = {
  name: 'wrap-ansi-plain',
  setup(build) {
    build.onLoad({ filter: /[/\\]wrap-ansi[/\\]index\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (source.split(STEP).length !== 2 || !source.includes("const ESCAPES = new Set([\n\t'\\u001B',\n\t'\\u009B',\n]);"))
        throw new Error(`wrap-ansi-plain: ${args.path} no longer has its character copy (${STEP}) or its two escapes`);
      return { contents: source.replace(STEP, `${SHORTCUT}\n\t${STEP}`), loader: 'js' };
    });
  },
};
