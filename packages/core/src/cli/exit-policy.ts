import { isPCloudError } from '../errors.js';
import { escapeControl } from '../escape-control.js';
import { redact } from '../redact.js';
import type { TextSink } from './io.js';

/** The exit codes every tool uses. */
export const EXIT = {
  OK: 0,
  /** An expected failure: refused by the server, a missing file, a bad config. */
  FAILURE: 1,
  /** The command line was wrong. */
  USAGE: 2,
  /** A bug in the tool (sysexits' EX_SOFTWARE), so scripts can tell it from an ordinary failure. */
  BUG: 70,
  /** Interrupted (Ctrl-C), as shells report SIGINT. */
  INTERRUPTED: 130,
} as const;

const STACK_LINES = 6;

/** Prints a usage error as one line and a pointer to the help; answers 2. */
export function reportUsageError(stderr: TextSink, bin: string, message: string, helpCommand = bin): number {
  // yargs spreads some messages over several lines ("Invalid values:\n  Argument: …"): keep one.
  stderr.write(`${bin}: ${escapeControl(redact(message.replace(/\s*\n\s*/g, ' ')))}\n`);
  stderr.write(`Try '${helpCommand} --help' for more information.\n`);
  return EXIT.USAGE;
}

/**
 * Turns whatever a command threw into what the user sees and the exit code:
 * a USAGE_ERROR as a usage error (2); any other PCloudError as `<bin>: <message>` plus an
 * optional `hint:` line (1, or 130 when aborted); anything else is a bug — a short stack and a
 * request to report it (70). Every line is redacted, and its control characters escaped (a
 * message may quote a name a server sent).
 */
export function reportFailure(stderr: TextSink, bin: string, version: string, error: unknown, helpCommand = bin): number {
  if (isPCloudError(error)) {
    if (error.code === 'USAGE_ERROR') return reportUsageError(stderr, bin, error.message, helpCommand);
    stderr.write(`${bin}: ${escapeControl(error.message)}\n`);
    if (error.hint) stderr.write(`hint: ${escapeControl(error.hint)}\n`);
    return error.code === 'ABORTED' ? EXIT.INTERRUPTED : EXIT.FAILURE;
  }
  const stack = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : `non-error value thrown: ${String(error)}`;
  const lines = stack.split('\n').slice(0, STACK_LINES);
  stderr.write(`${bin}: internal error: ${escapeControl(redact(lines[0] ?? ''))}\n`);
  for (const line of lines.slice(1)) stderr.write(`${escapeControl(redact(line))}\n`);
  stderr.write(`This is a bug in ${bin} ${version}; please report it with the lines above.\n`);
  return EXIT.BUG;
}
