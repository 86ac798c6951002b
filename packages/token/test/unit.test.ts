import { describe, expect, it } from 'vitest';
import { isPCloudError } from '@pcloud/core';
import { translateLegacyArgv } from '../src/args/legacy-argv.js';
import { parseTokenIds } from '../src/args/parse-ids.js';
import { formatTokenTable } from '../src/report/token-table.js';
import { otherRegionEndpoint } from '../src/login/probe-region.js';

describe('translateLegacyArgv', () => {
  it.each([
    [['--list'], ['list']],
    [
      ['-v', '--list'],
      ['list', '-v'],
    ],
    [
      ['--delete', '12,34'],
      ['delete', '12,34'],
    ],
    [
      ['--delete=5', '-f', 'c.json'],
      ['delete', '-f', 'c.json', '5'],
    ],
    [
      ['list', '--json'],
      ['list', '--json'],
    ],
    [
      ['-e', 'list', 'whoami'],
      ['-e', 'list', 'whoami'],
    ],
    [['--help'], ['--help']],
  ])('%j → %j', (argv, expected) => {
    expect(translateLegacyArgv(argv)).toEqual(expected);
  });
});

describe('parseTokenIds', () => {
  it('takes commas and separate arguments, dropping duplicates', () => {
    expect(parseTokenIds(['12,34', '56', '12'])).toEqual([12, 34, 56]);
  });

  it.each([[['abc']], [['12,x']], [['-3']], [['1.5']]])('refuses %j as a usage error naming the id', (raw) => {
    let error: unknown;
    try {
      parseTokenIds(raw);
    } catch (caught) {
      error = caught;
    }
    expect(isPCloudError(error, 'USAGE_ERROR')).toBe(true);
    expect((error as Error).message).toMatch(/invalid token id/);
  });

  it('refuses an empty list', () => {
    expect(() => parseTokenIds([])).toThrow(/no token id/);
    expect(() => parseTokenIds([' , '])).toThrow(/no token id/);
  });
});

describe('formatTokenTable', () => {
  it('writes an expiry given in Unix seconds as pCloud would, and cuts clients by characters', () => {
    const rows = formatTokenTable([{ tokenid: 7, device: `${'é'.repeat(39)}😀xyz`, expires: 1627121472 } as never]);
    expect(rows[1]).toBe(`           7 Sat, 24 Jul 2021 10:11:12  ${'é'.repeat(39)}😀`);
  });

  it("prints the original's layout: id right-aligned in 12, expiry without +0000, client cut to 40", () => {
    const rows = formatTokenTable([
      {
        tokenid: 163409641,
        device: 'A very long user agent string that goes on and on and on',
        created: 'Mon, 09 Jun 2014 10:24:51 +0000',
        expires_inactive: 'Thu, 10 Jul 2014 10:24:51 +0000',
        expires: 'Tue, 09 Jun 2015 10:24:51 +0000',
      },
    ]);
    // Python's '%12s %-26s %s' % ('Token-id', 'Expiry Date', 'Client') and f'{tokenid:12} {expires[:-5]} {device[:40]}'.
    expect(rows[0]).toBe('    Token-id Expiry Date                Client');
    expect(rows[1]).toBe('   163409641 Tue, 09 Jun 2015 10:24:51  A very long user agent string that goes ');
    // The client starts in the column the header puts it in.
    expect(rows[1]?.indexOf('A very')).toBe(rows[0]?.indexOf('Client'));
  });
});

describe('otherRegionEndpoint', () => {
  it("names pCloud's other host, or the endpoint the user gave", () => {
    expect(otherRegionEndpoint('https://eapi.pcloud.com', undefined)).toBe('https://api.pcloud.com');
    expect(otherRegionEndpoint('https://api.pcloud.com', undefined)).toBe('https://eapi.pcloud.com');
    expect(otherRegionEndpoint('http://127.0.0.1:9', undefined)).toBeUndefined();
    expect(otherRegionEndpoint('http://127.0.0.1:9', 'http://127.0.0.1:10/')).toBe('http://127.0.0.1:10');
  });
});
