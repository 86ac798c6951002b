import { COMMON_OPTIONS } from './common-options.js';

/** Arguments ready for yargs, and how to undo the `--` protection afterwards. */
export interface NormalizedArgv {
  args: string[];
  /** Maps a placeholder back to the argument it stands for. */
  restore(value: string): string;
}

const SHORT_TO_LONG = new Map(Object.entries(COMMON_OPTIONS).flatMap(([long, info]) => (info.short ? [[info.short, long] as const] : [])));
// A NUL can be in no argument the shell passes, so a placeholder cannot clash with a real one.
const PLACEHOLDER = '\0arg';

function expandCluster(token: string, next: string | undefined): { out: string[]; consumedNext: boolean } {
  const out: string[] = [];
  for (let i = 1; i < token.length; i++) {
    const letter = token.charAt(i);
    const long = SHORT_TO_LONG.get(letter);
    if (long === undefined) {
      out.push(`-${token.slice(i)}`);
      return { out, consumedNext: false };
    }
    if (COMMON_OPTIONS[long]?.takesValue) {
      const rest = token.slice(i + 1);
      if (rest !== '') return { out: [...out, `--${long}=${rest}`], consumedNext: false };
      return { out: [...out, `--${long}`, ...(next === undefined ? [] : [next])], consumedNext: next !== undefined };
    }
    out.push(`--${long}`);
  }
  return { out, consumedNext: false };
}

/**
 * Prepares a command line for yargs, which does not know about positions:
 * - with sub-commands, the common short flags written BEFORE the command name are spelt out
 *   (`pcutil -r cp -r a b`: the first `-r` is `--reauth`, the second is cp's `--recursive`), as
 *   the original's argparse read them;
 * - an option declared with a `no-` name (`--no-clobber`) is written `--no-clobber=true`, the
 *   one form yargs does not read as the negation of another option (`--clobber`);
 * - arguments after `--`, a lone `-` (standard input/output) and an argument that starts with a
 *   dash and a space (the value of `--filter '- *.bak'`, which no option name can be) are hidden
 *   behind placeholders so that yargs takes them as values unchanged, and restored afterwards.
 */
export function normalizeArgv(argv: readonly string[], hasCommands: boolean, noOptions: ReadonlySet<string> = new Set()): NormalizedArgv {
  const args: string[] = [];
  const hidden: string[] = [];
  let beforeCommand = hasCommands;
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] ?? '';
    if (token === '--') {
      for (const rest of argv.slice(i + 1)) {
        args.push(rest.startsWith('-') ? `${PLACEHOLDER}${hidden.push(rest) - 1}` : rest);
      }
      break;
    }
    if (token === '-' || /^-\s/.test(token)) {
      // yargs turns a lone `-` (standard input/output) into `true`, and reads `- x` as an option; hide them like the arguments after `--`.
      args.push(`${PLACEHOLDER}${hidden.push(token) - 1}`);
    } else if (token.startsWith('--') && noOptions.has(token.slice(2))) {
      args.push(`${token}=true`);
    } else if (!beforeCommand) {
      args.push(token);
    } else if (/^-[^-]/.test(token)) {
      const { out, consumedNext } = expandCluster(token, argv[i + 1]);
      args.push(...out);
      if (consumedNext) i++;
    } else if (/^--[^=]+$/.test(token) && COMMON_OPTIONS[token.slice(2)]?.takesValue && i + 1 < argv.length) {
      args.push(token, argv[++i] ?? '');
    } else {
      args.push(token);
      if (!token.startsWith('-')) beforeCommand = false;
    }
  }
  const restore = (value: string): string =>
    value.startsWith(PLACEHOLDER) ? (hidden[Number(value.slice(PLACEHOLDER.length))] ?? value) : value;
  return { args, restore };
}
