/**
 * A pCloud error answer, thrown by handlers and stores alike. It imports nothing, so any layer
 * may throw it without importing back.
 */

/** Thrown for any pCloud error answer; the dispatcher answers `{result, error}` with it. */
export class ApiFailure extends Error {
  readonly result: number;
  readonly extra: Record<string, unknown> | undefined;

  constructor(result: number, message?: string, extra?: Record<string, unknown>) {
    super(message ?? `pCloud error ${result}`);
    this.result = result;
    this.extra = extra;
  }
}
