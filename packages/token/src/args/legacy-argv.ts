/**
 * The original `token` tool's interface, `--list` and `--delete ID[,ID...]`, rewritten into the
 * sub-commands `list` and `delete ID...` so that both spellings run the same code.
 */
const COMMANDS = new Set(['list', 'delete', 'login', 'logout', 'whoami']);

/** Options of the common set that take a value: their value is never mistaken for a command. */
const VALUE_OPTIONS = new Set(['-e', '--endpoint', '-f', '--config-file', '-t', '--timeout', '-u', '--username', '--transport']);

/** Rewrites `--list` / `--delete X` into sub-commands when no sub-command was named. */
export function translateLegacyArgv(argv: readonly string[]): string[] {
  let skipNext = false;
  for (const arg of argv) {
    if (skipNext) {
      skipNext = false;
      continue;
    }
    if (arg === '--') break;
    if (VALUE_OPTIONS.has(arg)) skipNext = true;
    else if (!arg.startsWith('-') && COMMANDS.has(arg)) return [...argv];
  }
  const out: string[] = [];
  let command: string | undefined;
  const ids: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === '--list' || arg === '-l') command ??= 'list';
    else if (arg === '--delete' || arg.startsWith('--delete=')) {
      command ??= 'delete';
      const value = arg === '--delete' ? argv[++i] : arg.slice('--delete='.length);
      if (value !== undefined) ids.push(value);
    } else out.push(arg);
  }
  return command === undefined ? out : [command, ...out, ...ids];
}
