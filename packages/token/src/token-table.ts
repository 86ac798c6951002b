import type { TokenInfo } from '@pcloud/core';

const DEVICE_WIDTH = 40;

/** The expiry as the original printed it: pCloud's date without the trailing ` +0000`. */
function expiryText(expires: unknown): string {
  if (typeof expires === 'number') return new Date(expires * 1000).toUTCString().replace(' GMT', '');
  return String(expires ?? '').replace(/\s*[+-]\d{4}$/, '');
}

/**
 * The original tool's table: a header, then one row per token — the id right-aligned in 12
 * columns, the expiry date, and the client (device) name cut to 40 characters.
 */
export function formatTokenTable(tokens: readonly TokenInfo[]): string[] {
  const rows = [`${'Token id'.padStart(12)}  ${'Expires'.padEnd(25)}  Client`];
  for (const token of tokens) {
    const device = [...String(token.device ?? '')].slice(0, DEVICE_WIDTH).join('');
    rows.push(`${String(token.tokenid).padStart(12)}  ${expiryText(token.expires).padEnd(25)}  ${device}`);
  }
  return rows;
}
