/**
 * Datetimes inside method answers. Handlers put {@link ApiDate} values in their bodies; the
 * dispatcher renders every one of them at the end, as pCloud's RFC 2822 string or, with
 * `timeformat=timestamp`, as Unix seconds (pcloud-api.md §1.7) — so no handler needs to know.
 */
import { formatPCloudDate } from '@pcloud/core/internal';

/** A point in time (Unix seconds) waiting to be rendered in the caller's time format. */
export class ApiDate {
  constructor(readonly seconds: number) {}
}

/** Wraps Unix seconds for an answer body (rendered by the dispatcher). */
export function apiDate(seconds: number): ApiDate {
  return new ApiDate(seconds);
}

/** Replaces every {@link ApiDate} in a body, in place: a string by default, seconds with `timestamp`. */
export function renderDates(value: unknown, asTimestamp: boolean): unknown {
  if (value instanceof ApiDate) return asTimestamp ? value.seconds : formatPCloudDate(value.seconds);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = renderDates(value[i], asTimestamp);
    return value;
  }
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = renderDates(record[key], asTimestamp);
  }
  return value;
}
