import { describe, expect, it } from 'vitest';
import { formatBytes } from '../src/format-bytes.js';

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [999, '999 B'],
    [1023, '1023 B'],
    [1024, '1.00 KiB'],
    [4096, '4.00 KiB'],
    [12_345_678, '11.8 MiB'],
    [123_456_789, '118 MiB'],
    [1_073_741_824, '1.00 GiB'],
    [1.5 * 1024 ** 3, '1.50 GiB'],
    [10 * 1024 ** 3, '10.0 GiB'],
    [2 * 1024 ** 4, '2.00 TiB'],
  ])('formatBytes(%d) = %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text));

  it('shows whole bytes, as a rate divides by seconds', () => {
    expect(formatBytes(493.9018563629414)).toBe('494 B');
  });

  it('moves to the next unit when rounding reaches 1024', () => {
    expect(formatBytes(1023.6)).toBe('1.00 KiB');
    expect(formatBytes(1024 * 1024 - 1)).toBe('1.00 MiB');
    expect(formatBytes(1023.4 * 1024)).toBe('1023 KiB');
  });

  it('says ? for what is not a number', () => {
    expect(formatBytes(Number.NaN)).toBe('? B');
  });
});
