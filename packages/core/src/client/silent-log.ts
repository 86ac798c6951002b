/**
 * The log of a client without a logger, one shared function so that the HTTP side can tell it
 * apart and add no debug hooks to got (got-instance.ts).
 */

/** Drops every line. */
export function silentLog(): void {}

/** Whether `log` is the silent one. */
export function isSilent(log: unknown): boolean {
  return log === silentLog;
}
