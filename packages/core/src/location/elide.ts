import { redact } from '../redact.js';

/**
 * A long text cut in the middle for a one-line message: `/docs/nnnn…nnnn` (a 1024-byte name
 * echoed whole would turn "one clear line" into a screenful). Secrets are redacted first, so a
 * cut can never leave the tail of a token without the `authid=` that marks it.
 */
export function elide(text: string, max = 100): string {
  const chars = [...redact(text)];
  if (chars.length <= max) return chars.join('');
  const keep = Math.floor((max - 1) / 2);
  return `${chars.slice(0, keep).join('')}…${chars.slice(chars.length - keep).join('')}`;
}
