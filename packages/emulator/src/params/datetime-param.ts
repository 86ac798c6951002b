/**
 * Datetime parameters (`expire`), read the way pCloud documents them (pcloud-api.md §1.7; the
 * original doc's "Passing date/time values"): RFC 2822 (weekday optional), ISO 8601 or any prefix
 * of it after the year (`T` or a space between date and time), a Unix timestamp, or
 * `YYYYMMDDhhmmss`; each may carry a time zone, UTC by default. Anything else is 1013.
 */
import { ApiFailure } from '../api/api-failure.js';
import type { CallParams } from '../api/types.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** Zone names RFC 2822 knows (obsolete but still sent); other abbreviations are refused. */
const NAMED_ZONES: Record<string, number> = {
  z: 0,
  ut: 0,
  utc: 0,
  gmt: 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
};

const ZONE = String.raw`(z|ut|utc|gmt|[ecmp][sd]t|[+-]\d{2}(?::?\d{2})?)`;
const RFC2822 = new RegExp(
  String.raw`^(?:[a-z]{3},\s*)?(\d{1,2})\s+([a-z]{3})\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?(?:\s*${ZONE})?$`,
  'i',
);
const ISO8601 = new RegExp(
  String.raw`^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[t ](\d{2})(?::(\d{2})(?::(\d{2})(?:\.\d+)?)?)?)?)?)?(?:\s*${ZONE})?$`,
  'i',
);
const COMPACT = new RegExp(String.raw`^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\s+${ZONE})?$`, 'i');
const TIMESTAMP = new RegExp(String.raw`^(\d{1,12})(?:\s+${ZONE})?$`, 'i');

/** Offset of a zone in minutes east of UTC; undefined when the text names none we know. */
function zoneMinutes(zone: string | undefined): number | undefined {
  if (zone === undefined) return 0;
  const named = NAMED_ZONES[zone.toLowerCase()];
  if (named !== undefined) return named;
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!match) return undefined;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

/** Unix seconds of a calendar time in a zone; undefined when a field is out of range (31 Feb, 25:00). */
function civil(fields: Array<string | undefined>, zone: string | undefined): number | undefined {
  const [year, month, day, hour, minute, second] = fields.map((f, i) => (f === undefined ? (i === 1 || i === 2 ? 1 : 0) : Number(f)));
  const offset = zoneMinutes(zone);
  if (offset === undefined || year === undefined || month === undefined || day === undefined) return undefined;
  const ms = Date.UTC(year, month - 1, day, hour ?? 0, minute ?? 0, second ?? 0);
  const back = new Date(ms);
  if (back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day || (hour ?? 0) > 23 || (minute ?? 0) > 59 || (second ?? 0) > 60)
    return undefined;
  return ms / 1000 - offset * 60;
}

/** Unix seconds of a datetime as pCloud accepts it, or undefined when the text is not understood. */
export function parseDateInput(text: string): number | undefined {
  const value = text.trim();
  let match = COMPACT.exec(value);
  if (match) return civil(match.slice(1, 7), match[7]);
  // Before timestamps, so that a lone `2030` is a year, not 34 minutes after 1970.
  match = ISO8601.exec(value);
  if (match) return civil(match.slice(1, 7), match[7]);
  match = TIMESTAMP.exec(value);
  // A timestamp is an instant already: a zone after it changes nothing.
  if (match) return zoneMinutes(match[2]) === undefined ? undefined : Number(match[1]);
  match = RFC2822.exec(value);
  if (match) {
    const month = MONTHS.indexOf(match[2]!.toLowerCase()) + 1;
    if (month === 0) return undefined;
    return civil([match[3], String(month), match[1], match[4], match[5], match[6]], match[7]);
  }
  return undefined;
}

/** A datetime parameter in Unix seconds; undefined when absent or empty, 1013 when not understood. */
export function dateParam(params: CallParams, name: string): number | undefined {
  const text = params.get(name);
  if (text === undefined || text.trim() === '') return undefined;
  const seconds = parseDateInput(text);
  if (seconds === undefined) throw new ApiFailure(1013);
  return seconds;
}
