import { describe, expect, it } from 'vitest';
import { checkRedirect, trustedApiHosts } from '../../src/auth/trust-redirect.js';

const EMULATOR_PAGE = 'http://127.0.0.1:41234/oauth2/authorize';

describe('which redirects a login believes', () => {
  it("trusts pCloud's two API hosts, and an emulator's own origin only when its page is in use", () => {
    expect([...trustedApiHosts(undefined)].sort()).toEqual(['api.pcloud.com', 'eapi.pcloud.com']);
    expect([...trustedApiHosts('https://my.pcloud.com/oauth2/authorize')].sort()).toEqual(['api.pcloud.com', 'eapi.pcloud.com']);
    expect(trustedApiHosts(EMULATOR_PAGE).has('127.0.0.1:41234')).toBe(true);
  });

  it('takes a bare code, and a redirect with the right state naming a trusted host', () => {
    expect(() => checkRedirect({ code: 'c0de' }, { state: 's1' })).not.toThrow();
    expect(() => checkRedirect({ code: 'c0de', state: 's1', locationid: 1, hostname: 'API.pcloud.com' }, { state: 's1' })).not.toThrow();
    expect(() =>
      checkRedirect({ code: 'c0de', state: 's1', hostname: '127.0.0.1:41234' }, { state: 's1', authorizeUrl: EMULATOR_PAGE }),
    ).not.toThrow();
  });

  it.each([
    ['any other host', { code: 'c0de', state: 's1', hostname: 'attacker.example' }, /API host "attacker\.example", which is not pCloud's/],
    ['another port of the same machine', { code: 'c0de', state: 's1', hostname: '127.0.0.1:9' }, /API host "127\.0\.0\.1:9"/],
    ['a region without a state', { code: 'c0de', hostname: 'eapi.pcloud.com' }, /names a region but carries no state/],
    ['a locationid without a state', { code: 'c0de', locationid: 1 }, /names a region but carries no state/],
    ['a state of another login', { code: 'c0de', state: 'other', hostname: 'eapi.pcloud.com' }, /belongs to another login attempt/],
  ])('refuses %s', (_name, redirect, message) => {
    expect(() => checkRedirect(redirect, { state: 's1', authorizeUrl: EMULATOR_PAGE })).toThrow(message);
  });

  it('shows a hostile host quoted, cut short and without control characters', () => {
    const error = (() => {
      try {
        checkRedirect({ code: 'c0de', state: 's1', hostname: `evil\u001b[2J${'x'.repeat(100)}` }, { state: 's1' });
      } catch (caught) {
        return caught as Error;
      }
      throw new Error('not refused');
    })();
    expect(error.message).not.toContain('\u001b');
    expect(error.message).toContain('"evil\\u001b[2J');
    expect(error.message).not.toContain('x'.repeat(60));
  });
});
