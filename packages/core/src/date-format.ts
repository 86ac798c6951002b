/**
 * pCloud's datetime format (pcloud-api.md §1.7): RFC 2822 in UTC, always 31 characters,
 * e.g. `Sat, 24 Jul 2021 10:11:12 +0000`. `timeformat=timestamp` switches to Unix seconds.
 */
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

const pad = (n: number): string => String(n).padStart(2, '0');

/** Formats Unix seconds as pCloud does: `Sat, 24 Jul 2021 10:11:12 +0000`. */
export function formatPCloudDate(unixSeconds: number): string {
  const d = new Date(unixSeconds * 1000);
  return (
    `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`
  );
}

/**
 * Reads a pCloud datetime (the RFC 2822 string or a Unix-seconds number) as Unix seconds.
 * Returns `undefined` for anything else.
 */
export function parsePCloudDate(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value !== 'string') return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}
