import { describe, expect, it } from 'vitest';
import { formatPCloudDate, parsePCloudDate } from '../src/date-format.js';

describe('pCloud date format', () => {
  it('matches the spec test vector both ways', () => {
    expect(formatPCloudDate(1627121472)).toBe('Sat, 24 Jul 2021 10:11:12 +0000');
    expect(parsePCloudDate('Sat, 24 Jul 2021 10:11:12 +0000')).toBe(1627121472);
  });

  it('is always 31 characters, with a zero-padded day', () => {
    expect(formatPCloudDate(0)).toBe('Thu, 01 Jan 1970 00:00:00 +0000');
    expect(formatPCloudDate(0)).toHaveLength(31);
  });

  it('rejects what is not a date', () => {
    expect(parsePCloudDate('yesterday-ish')).toBeUndefined();
    expect(parsePCloudDate({})).toBeUndefined();
  });
});
