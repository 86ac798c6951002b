import { redact } from '@pcloud/core';

/** The one-line reason an error gives, for `pcutil: PATH: reason` lines: its message (redacted), never a stack. */
export function errorReason(error: unknown): string {
  return redact(error instanceof Error ? error.message : String(error));
}
