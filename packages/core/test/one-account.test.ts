import { describe, expect, it } from 'vitest';
import { isPCloudError, parseLocation } from '../src/index.js';
import { oneAccount } from '../src/internal.js';

const parse = (...specs: string[]) => specs.map((spec) => parseLocation(spec));

describe('oneAccount', () => {
  it('answers the first location when all name the same account', () => {
    expect(oneAccount([])).toBeUndefined();
    expect(oneAccount(parse('p:/a', 'p:/b'))?.path).toBe('/a');
    expect(oneAccount(parse('pcloud://eapi.pcloud.com/a?authid=T1', 'pcloud://eapi.pcloud.com/b?authid=T1'))?.path).toBe('/a');
  });

  it.each([
    ['p:/a', 'pcloud://eapi.pcloud.com/b?authid=T1'],
    ['pcloud://eapi.pcloud.com/a?authid=T1', 'pcloud://eapi.pcloud.com/b?authid=T2'],
    ['pcloud://eapi.pcloud.com/a?authid=T1', 'pcloud://api.pcloud.com/b?authid=T1'],
  ])('refuses %s with %s, without showing a token', (a, b) => {
    let error: unknown;
    try {
      oneAccount(parse(a, b));
    } catch (caught) {
      error = caught;
    }
    expect(isPCloudError(error, 'USAGE_ERROR')).toBe(true);
    expect((error as Error).message).toContain('name different accounts or servers');
    expect((error as Error).message).not.toMatch(/T1|T2/);
  });
});
