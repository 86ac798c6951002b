/**
 * What the client and its transports log through. Kept apart from the client's options and the
 * transport seam, which both need it, so that neither imports the other.
 */

/** What a log line is about: an API call and its outcome (`--debug`), or a retry (`-v`). */
export type LogKind = 'call' | 'retry';
/** Receives one log line at a time, with its kind; lines are redacted before they get here. */
export type Logger = (line: string, kind: LogKind) => void;
