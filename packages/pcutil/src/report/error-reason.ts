import { escapeControl, redact } from '@pcloud/core/internal';

/**
 * The one-line reason an error gives, for `pcutil: PATH: reason` lines: its message (redacted, and
 * with control characters escaped, as it may quote a name or a server's words), never a stack.
 */
export function errorReason(error: unknown): string {
  return escapeControl(redact(error instanceof Error ? error.message : String(error)));
}
