import { describe, expect, test } from 'vitest';
import { ApiFailure } from '../src/api/api-failure.js';
import { dateParam, parseDateInput } from '../src/params/datetime-param.js';

// 2021-07-24T10:11:12Z, the spec's test vector (pcloud-api.md §1.7).
const VECTOR = 1_627_121_472;

describe('datetime parameters as pCloud documents them', () => {
  test.each([
    ['Sat, 24 Jul 2021 10:11:12 +0000', VECTOR],
    ['24 Jul 2021 10:11:12 +0000', VECTOR],
    ['Sat, 24 Jul 2021 12:11:12 +0200', VECTOR],
    ['Sat, 24 Jul 2021 06:11:12 EDT', VECTOR],
    ['Sat, 24 Jul 2021 10:11:12 GMT', VECTOR],
    ['2021-07-24T10:11:12+00:00', VECTOR],
    ['2021-07-24T10:11:12Z', VECTOR],
    ['2021-07-24 10:11:12', VECTOR],
    ['2021-07-24T12:11:12+0200', VECTOR],
    ['2021-07-24T10:11:12.345Z', VECTOR],
    ['2021-07-24', Date.UTC(2021, 6, 24) / 1000],
    ['2021-07', Date.UTC(2021, 6, 1) / 1000],
    ['2021', Date.UTC(2021, 0, 1) / 1000],
    ['1627121472', VECTOR],
    ['1627121472 +0300', VECTOR],
    ['20210724101112', VECTOR],
    ['20210724121112 +02:00', VECTOR],
    [' 1627121472 ', VECTOR],
  ])('%s', (text, seconds) => {
    expect(parseDateInput(text)).toBe(seconds);
  });

  test.each([
    'tomorrow',
    '2021-13-01',
    '2021-02-30',
    '31 Feb 2021 10:00:00 +0000',
    '24 Jly 2021 10:11:12 +0000',
    '2021-07-24T25:00:00Z',
    '2021-07-24 10:11:12 EEST',
    '1e9',
    '-5',
    '',
  ])('refuses %j', (text) => {
    expect(parseDateInput(text)).toBeUndefined();
  });

  test('dateParam: undefined when absent or blank, 1013 when not understood', () => {
    expect(dateParam(new Map(), 'expire')).toBeUndefined();
    expect(dateParam(new Map([['expire', ' ']]), 'expire')).toBeUndefined();
    expect(dateParam(new Map([['expire', '2021-07-24T10:11:12Z']]), 'expire')).toBe(VECTOR);
    const thrown = ((): unknown => {
      try {
        dateParam(new Map([['expire', 'soon']]), 'expire');
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(thrown).toBeInstanceOf(ApiFailure);
    expect(thrown).toMatchObject({ result: 1013 });
  });
});
