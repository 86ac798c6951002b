/**
 * The filter options of `cp -r`, `ls`, `rm -r`, `du` and `sync`, declared once: each command spreads
 * `filterOptions` into its own options and turns its arguments into a filter with
 * `filterFromArgs` (filter-from-args.ts). None is saved by `-s`: a remembered exclude would quietly
 * change every later run. Only data here: `--help` loads it, and nothing of the client.
 */
import type { OptionArgs } from '@pcloud/core/cli';

/** The filter options, for a command's `options`. */
export const filterOptions = {
  exclude: {
    type: 'repeatable',
    oneShot: true,
    describe:
      "leave out what matches PATTERN (rclone's globs: * and ? stay within a name, ** crosses folders, [a-z], {jpg,png}; /PATTERN matches from the top of the transfer only, PATTERN/ matches folders and all they hold); repeatable, e.g. --exclude '*.tmp' --exclude node_modules/",
  },
  include: {
    type: 'repeatable',
    oneShot: true,
    describe:
      "take only what matches PATTERN and leave out everything else, e.g. --include '*.{jpg,png}'; repeatable; cannot be mixed with --exclude (use --filter for both, in order)",
  },
  filter: {
    type: 'repeatable',
    oneShot: true,
    describe:
      "a rule, in order with the others: '- PATTERN' leaves out, '+ PATTERN' takes, '!' forgets the rules so far; the first rule that matches decides, and what none matches is taken, e.g. --filter '- secret*' --filter '+ *.jpg' --filter '- **'",
  },
  'exclude-from': { type: 'repeatable', oneShot: true, describe: 'read --exclude patterns from FILE, one a line (# and ; start comments)' },
  'include-from': { type: 'repeatable', oneShot: true, describe: 'read --include patterns from FILE, one a line' },
  'filter-from': {
    type: 'repeatable',
    oneShot: true,
    describe: "read --filter rules from FILE, one a line: '+ PATTERN', '- PATTERN' or '!' (rclone's --filter-from files work as they are)",
  },
  'max-age': {
    type: 'string',
    oneShot: true,
    describe: 'only files modified within AGE (7d, 12h, 1h30m; units ms s m h d w, M = 30 days, y = 365 days) or since a DATE (2026-01-31)',
  },
  'min-age': { type: 'string', oneShot: true, describe: 'only files modified at least AGE ago, or before a DATE' },
  'max-size': {
    type: 'string',
    oneShot: true,
    describe: 'only files of SIZE or less, in binary units: B bytes, K = 1024 bytes (KiB), M = MiB, G = GiB, T = TiB, e.g. 100M',
  },
  'min-size': { type: 'string', oneShot: true, describe: 'only files of SIZE or more (binary units, as --max-size)' },
} as const;

/** The values of the filter options, as a command's `ctx.args` holds them. */
export type FilterArgs = OptionArgs<typeof filterOptions>;

/** The filter options that were given, by their names on the command line. */
export function givenFilterOptions(args: FilterArgs): string[] {
  return Object.keys(filterOptions).filter((name) => {
    const value = args[name as keyof FilterArgs];
    return Array.isArray(value) ? value.length > 0 : value !== undefined;
  });
}
