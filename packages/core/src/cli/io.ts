import type { Readable } from 'node:stream';
import { isatty } from 'node:tty';

/** Anything text can be written to: a process stream or a test's collector. */
export interface TextSink {
  write(text: string): unknown;
}

/** The environment a tool runs in, injected so that tests run tools in-process. */
export interface CliIo {
  stdout: TextSink;
  stderr: TextSink;
  /** Read by the login (a pasted code) and by commands that take data on standard input. */
  stdin: Readable;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** A person is at a terminal: the interactive login may run. */
  isTTY: boolean;
  /** Opens the login page in a browser; absent means never (tests, servers). */
  openBrowser?: (url: string) => Promise<boolean>;
  /** Aborts the running command (Ctrl-C in the bin shim). */
  signal?: AbortSignal;
}

/** The real process's streams, environment and terminal, for a bin shim. */
export function nodeIo(signal?: AbortSignal): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    // Opened when first read: process.stdin builds its stream (for a file, with fs/promises and
    // readline under it) on first use, and `--help` or `ls` never reads it.
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    cwd: process.cwd(),
    // Asked of the descriptors, as process.stdin.isTTY would after building that stream.
    isTTY: isatty(0) && isatty(2),
    // Loaded when a login opens the page: child_process stays out of every other run's start-up.
    openBrowser: async (url) => (await import('../auth/open-browser.js')).openBrowser(url),
    ...(signal ? { signal } : {}),
  };
}

/** A tool's entry point: parses `argv`, runs the command, answers the exit code. */
export type RunTool = (argv: readonly string[], io: CliIo) => Promise<number>;

/**
 * The whole of a bin shim: runs the tool on the process's arguments, turns the first Ctrl-C
 * into an abort — a second Ctrl-C ends the process the default way — and sets the exit code.
 * It never calls process.exit, so pending output is flushed; except when the reader of standard
 * output went away (`pcutil ls | head -1`): then, as a Unix tool killed by SIGPIPE, it ends at
 * once and quietly, with status 0 — the reader chose to stop, nothing failed.
 */
export async function runMain(run: RunTool): Promise<void> {
  const controller = new AbortController();
  // Listening on until this signal's other listeners have run: conf's exit hook (when-exit) sends
  // the signal again once its own listener is gone, and that echo must find this one still there —
  // whichever was added first (the config store loads after this, only when a command runs).
  const onInterrupt = (): void => {
    controller.abort();
    setImmediate(() => process.removeListener('SIGINT', onInterrupt));
  };
  // Installed for the life of the process: the failed write may be one still pending after run().
  const onOutputError = (error: NodeJS.ErrnoException): void => {
    if (error.code !== 'EPIPE') throw error;
    controller.abort();
    process.exit(0);
  };
  process.on('SIGINT', onInterrupt);
  process.stdout.on('error', onOutputError);
  try {
    process.exitCode = await run(process.argv.slice(2), nodeIo(controller.signal));
  } finally {
    process.removeListener('SIGINT', onInterrupt);
  }
}
