import { stringifyJson } from '../json.js';
import { redact } from '../redact.js';
import type { CliIo } from './io.js';

/** What a command prints: data on stdout, everything else on stderr. */
export interface Output {
  /** Whether `-v` (or `"verbose": true`) is on. */
  readonly isVerbose: boolean;
  /** One line of data on stdout. */
  line(text: string): void;
  /** One JSON document on stdout (bigints written as exact integers). */
  json(value: unknown): void;
  /** A progress or detail line on stderr, only with -v; redacted. */
  verbose(text: string): void;
  /** A trace line (an API call, its outcome) on stderr, only with --debug; redacted. */
  debug(text: string): void;
  /** A status line on stderr (always shown); redacted. */
  info(text: string): void;
  /** `<bin>: warning: <text>` on stderr; redacted. */
  warn(text: string): void;
}

/** Creates the output helpers of a command context. */
export function createOutput(io: Pick<CliIo, 'stdout' | 'stderr'>, bin: string, verbose: boolean, debug = false): Output {
  return {
    isVerbose: verbose,
    line: (text) => void io.stdout.write(`${text}\n`),
    json: (value) => void io.stdout.write(`${stringifyJson(value, 2)}\n`),
    verbose: (text) => {
      if (verbose || debug) io.stderr.write(`${redact(text)}\n`);
    },
    debug: (text) => {
      if (debug) io.stderr.write(`${redact(text)}\n`);
    },
    info: (text) => void io.stderr.write(`${redact(text)}\n`),
    warn: (text) => void io.stderr.write(`${bin}: warning: ${redact(text)}\n`),
  };
}
