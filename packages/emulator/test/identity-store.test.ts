import { describe, expect, it } from 'vitest';
import { IdentityStore } from '../src/state/identity-store.js';
import { DEMO_APP, FOLDER_APP } from '../src/state/identity-seed.js';
import { passwordDigest } from '../src/state/login-guard.js';
import { redirectMatches } from '../src/state/oauth-grants.js';

function storeAt(start: number, options: Partial<ConstructorParameters<typeof IdentityStore>[0]> = {}) {
  let now = start;
  const store = new IdentityStore({ locationid: 2, clock: () => now, ...options });
  return { store, advance: (seconds: number) => (now += seconds), now: () => now };
}

describe('passwordDigest (pcloud-api.md §6.2 test vector)', () => {
  it('is sha1(password + sha1(lowercase(username)) + digest)', () => {
    expect(passwordDigest('User@Example.com', 'secret', 'YGtAxbUpI85Zvs7lC7Z62rBwv907TBXhV2L867Hkh')).toBe(
      '1c521e12ade54519022869fb94e57c062c4c2c60',
    );
  });
});

describe('redirectMatches', () => {
  it.each([
    ['http://127.0.0.1:*', 'http://127.0.0.1:53682/', true],
    ['http://127.0.0.1:*', 'http://127.0.0.1:9/callback?x=1', true],
    ['http://localhost:*', 'http://127.0.0.1:9/', false],
    ['http://127.0.0.1:*', 'https://127.0.0.1:9/', false],
    ['http://127.0.0.1:*', 'http://127.0.0.1.evil.test:9/', false],
    ['http://127.0.0.1:*', 'http://user@127.0.0.1:9/', false],
    ['http://[::1]:*', 'http://[::1]:4000/cb', true],
    ['http://127.0.0.1:*/cb', 'http://127.0.0.1:4000/other', false],
    ['https://app.example/cb', 'https://app.example/cb', true],
    ['https://app.example/cb', 'https://app.example/cb2', false],
    ['http://127.0.0.1:*', 'not a url', false],
  ])('%s vs %s → %s', (pattern, uri, expected) => {
    expect(redirectMatches(pattern, uri)).toBe(expected);
  });
});

describe('IdentityStore', () => {
  it('seeds an account, two apps and tokens that pass the check', () => {
    const { store } = storeAt(1_700_000_000, { legacy: true });
    const seeded = store.seeded;
    expect(store.apps.get(DEMO_APP.clientId)?.folderAccess).toBe('all');
    expect(store.apps.get(FOLDER_APP.clientId)?.folderAccess).toBe('private');
    const oauth = store.check({ accessToken: seeded.accessToken }, 1_700_000_000);
    expect(oauth.ok && oauth.account.userid).toBe(seeded.userid);
    const auth = store.check({ auth: seeded.authToken }, 1_700_000_000);
    expect(auth.ok && auth.token.kind).toBe('auth');
    const kinds = store.sessions(seeded.userid, 1_700_000_000).map((t) => t.kind);
    expect(kinds.filter((k) => k === 'auth')).toHaveLength(3);
    expect(kinds.filter((k) => k === 'oauth')).toHaveLength(2);
  });

  it('refuses foreign-region and unknown access tokens with 2094, missing credentials with 1000', () => {
    const { store } = storeAt(1_700_000_000, { seed: { foreignRegionTokens: ['other-region-token'] } });
    expect(store.check({ accessToken: 'other-region-token' }, 1_700_000_000)).toEqual({ ok: false, result: 2094 });
    expect(store.check({ accessToken: store.seeded.foreignRegionToken }, 1_700_000_000)).toEqual({ ok: false, result: 2094 });
    expect(store.check({ accessToken: 'nope' }, 1_700_000_000)).toEqual({ ok: false, result: 2094 });
    expect(store.check({}, 1_700_000_000)).toEqual({ ok: false, result: 1000 });
  });

  it('refuses auth tokens and password logins outside legacy mode with 2000', () => {
    const { store } = storeAt(1_700_000_000);
    expect(store.check({ auth: store.seeded.authToken }, 1_700_000_000)).toEqual({ ok: false, result: 2000 });
    const login = store.check({ username: store.seeded.email, password: store.seeded.password }, 1_700_000_000);
    expect(login).toEqual({ ok: false, result: 2000 });
  });

  it('uses a chosen value for the ready token', () => {
    const { store } = storeAt(1_700_000_000, { seed: { accessToken: 'RECOGNISABLE-token-0001' } });
    expect(store.seeded.accessToken).toBe('RECOGNISABLE-token-0001');
    expect(store.check({ accessToken: 'RECOGNISABLE-token-0001' }, 1_700_000_000).ok).toBe(true);
  });

  it('expires auth tokens by absolute and inactivity lifetime, and use pushes inactivity forward', () => {
    const start = 1_700_000_000;
    const { store } = storeAt(start, { legacy: true });
    const token = store.issueToken(store.seeded.userid, 'auth', { device: 't', now: start, expiresIn: 1000, inactiveExpiresIn: 100 });
    expect(store.check({ auth: token.value }, start + 90).ok).toBe(true);
    expect(store.check({ auth: token.value }, start + 180).ok).toBe(true); // 90 + 100 ≥ 180
    expect(store.check({ auth: token.value }, start + 290).ok).toBe(false); // idle 110 s
    const short = store.issueToken(store.seeded.userid, 'auth', { device: 't', now: start, expiresIn: 50, inactiveExpiresIn: 100 });
    expect(store.check({ auth: short.value }, start + 51)).toEqual({ ok: false, result: 2000 });
  });

  it('logs in with a digest that is valid for 30 seconds, and issues a session', () => {
    const start = 1_700_000_000;
    const { store } = storeAt(start, { legacy: true });
    const { digest } = store.logins.issueDigest(start);
    const { email, password } = store.seeded;
    const passworddigest = passwordDigest(email, password, digest);
    const ok = store.check({ username: email.toUpperCase(), digest, passworddigest, device: 'digest test' }, start + 29);
    expect(ok.ok && ok.token.device).toBe('digest test');
    expect(store.check({ username: email, digest, passworddigest }, start + 31)).toEqual({ ok: false, result: 2000 });
    expect(store.check({ username: email, passworddigest }, start)).toEqual({ ok: false, result: 2000 });
  });

  it('answers 4000 after too many failed logins from one address, even for the right password', () => {
    const start = 1_700_000_000;
    const { store } = storeAt(start, { legacy: true, loginLimit: { maxFailures: 3, windowSeconds: 60 } });
    const { email, password } = store.seeded;
    for (let i = 0; i < 3; i++)
      expect(store.check({ username: email, password: 'wrong', remoteAddress: '10.0.0.1' }, start).ok).toBe(false);
    expect(store.check({ username: email, password, remoteAddress: '10.0.0.1' }, start)).toEqual({ ok: false, result: 4000 });
    expect(store.check({ username: email, password, remoteAddress: '10.0.0.2' }, start).ok).toBe(true);
    expect(store.check({ username: email, password, remoteAddress: '10.0.0.1' }, start + 61).ok).toBe(true);
  });

  it('redeems a code once, only with the right secret, before it expires', () => {
    const start = 1_700_000_000;
    const { store } = storeAt(start);
    const app = store.oauth.app(DEMO_APP.clientId)!;
    const code = store.oauth.issueCode(app, store.seeded.userid, start);
    expect(store.oauth.redeemCode(app.clientId, 'wrong', code, start)).toBeUndefined();
    const token = store.oauth.redeemCode(app.clientId, app.clientSecret, code, start);
    expect(token?.kind).toBe('oauth');
    expect(store.oauth.redeemCode(app.clientId, app.clientSecret, code, start)).toBeUndefined();
    const late = store.oauth.issueCode(app, store.seeded.userid, start);
    expect(store.oauth.redeemCode(app.clientId, app.clientSecret, late, start + 601)).toBeUndefined();
  });

  it('resolves a private app folder on first use of its token', () => {
    const asked: string[] = [];
    const { store } = storeAt(1_700_000_000, { resolveAppFolder: (name) => (asked.push(name), 77) });
    const check = store.check({ accessToken: store.seeded.appFolderAccessToken }, 1_700_000_000);
    expect(check.ok && check.token.scope).toEqual({ kind: 'folder', rootFolderId: 77, appName: FOLDER_APP.name });
    store.check({ accessToken: store.seeded.appFolderAccessToken }, 1_700_000_000);
    expect(asked).toEqual([FOLDER_APP.name]);
  });
});
