/**
 * Times as rclone's `--max-age`/`--min-age` take them (docs: rclone.org/docs, "Time options"): a
 * duration such as `7d`, `12h`, `1h30m` or `1.5w`, or a date `2026-01-31`, `2026-01-31 08:00:00`,
 * `2026-01-31T08:00` (local time; seconds optional) with an optional `Z` or `+02:00`. A bare number is refused
 * rather than read as seconds, as rclone reads it: a unit said is a unit nobody guesses.
 */

const UNIT_SECONDS: Readonly<Record<string, number>> = {
  ms: 0.001,
  s: 1,
  m: 60,
  h: 3600,
  d: 86_400,
  w: 7 * 86_400,
  // rclone's month and year: 30 and 365 days.
  M: 30 * 86_400,
  y: 365 * 86_400,
};

const DURATION = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d|w|M|y))+$/;
const DURATION_PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d|w|M|y)/g;
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|[+-]\d{2}:\d{2})?$/;

/** Seconds of a duration such as `7d` or `1h30m`; undefined when `text` is not one. */
export function parseDuration(text: string): number | undefined {
  if (!DURATION.test(text)) return undefined;
  let seconds = 0;
  for (const [, value, unit] of text.matchAll(DURATION_PART)) seconds += Number(value) * (UNIT_SECONDS[unit as string] ?? 0);
  return seconds;
}

/** The moment a date such as `2026-01-31` or `2026-01-31 08:00:00+02:00` names (local time without a zone); undefined when it is not one. */
export function parseDate(text: string): Date | undefined {
  const match = DATE.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hours = '00', minutes = '00', seconds = '00', fraction = '', zone] = match;
  // Date rolls 2026-02-31 over into March; a date or time that does not exist is refused instead.
  const calendar = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (calendar.getUTCMonth() !== Number(month) - 1 || calendar.getUTCDate() !== Number(day)) return undefined;
  if (Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 59) return undefined;
  const date = zone
    ? new Date(`${year}-${month}-${day}T${hours}:${minutes}:${seconds}${fraction}${zone}`)
    : new Date(Number(year), Number(month) - 1, Number(day), Number(hours), Number(minutes), Number(seconds), Number(fraction || 0) * 1000);
  if (Number.isNaN(date.getTime())) return undefined;
  return date;
}

/** What `--max-age`/`--min-age`/`--expire` accept, for error messages. */
export const TIME_FORMS =
  'a duration such as 7d, 12h or 1h30m (units ms, s, m, h, d, w, M = 30 days, y = 365 days) or a date such as 2026-01-31 or "2026-01-31 08:00"';

/**
 * The moment a time option names, as Unix seconds: a date as it is, a duration counted back from
 * `now` (`sign` -1, for ages) or forward (`sign` +1, for expiries); undefined when `text` is neither.
 */
export function parseMoment(text: string, now: Date, sign: -1 | 1): number | undefined {
  const trimmed = text.trim();
  const duration = parseDuration(trimmed);
  if (duration !== undefined) return now.getTime() / 1000 + sign * duration;
  const date = parseDate(trimmed);
  return date === undefined ? undefined : date.getTime() / 1000;
}
