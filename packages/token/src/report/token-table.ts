import type { TokenInfo } from '@pcloud/core';
import { formatPCloudDate } from '@pcloud/core/internal';

const DEVICE_WIDTH = 40;

/** The original's header, `'%12s %-26s %s' % ('Token-id', 'Expiry Date', 'Client')`: scripts parse it. */
const HEADER = `${'Token-id'.padStart(12)} ${'Expiry Date'.padEnd(26)} Client`;

/** The first `count` characters (code points, as Python slices) of a text. */
function head(text: string, count: number): string {
  return [...text].slice(0, count).join('');
}

/** The expiry as the original printed it, `expires[:-5]`: pCloud's date without its `+0000`, the space before it kept. */
function expiryText(expires: unknown): string {
  const text = typeof expires === 'number' ? formatPCloudDate(expires) : String(expires ?? '');
  const chars = [...text];
  return chars.slice(0, Math.max(0, chars.length - 5)).join('');
}

/**
 * The original tool's table, exactly: the header, then one row per token,
 * `f'{tokenid:12} {expires[:-5]} {device[:40]}'` — the id right-aligned in 12 columns, a space,
 * the expiry date without `+0000` (its trailing space kept), a space, the client cut to 40.
 */
export function formatTokenTable(tokens: readonly TokenInfo[]): string[] {
  const rows = [HEADER];
  for (const token of tokens) {
    rows.push(`${String(token.tokenid).padStart(12)} ${expiryText(token.expires)} ${head(String(token.device ?? ''), DEVICE_WIDTH)}`);
  }
  return rows;
}
