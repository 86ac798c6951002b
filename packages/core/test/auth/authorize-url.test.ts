import { describe, expect, it } from 'vitest';
import { buildAuthorizeUrl, createState, DEFAULT_AUTHORIZE_URL, stateMatches } from '../../src/auth/authorize-url.js';
import { browserCommand } from '../../src/auth/open-browser.js';
import { endpointFromClues, endpointOfAuthorizePage } from '../../src/auth/login-endpoint.js';

describe('buildAuthorizeUrl', () => {
  it('builds the code-flow URL on pCloud by default', () => {
    const url = new URL(buildAuthorizeUrl({ clientId: 'abc', redirectUri: 'http://127.0.0.1:5/', state: 's1' }));
    expect(`${url.origin}${url.pathname}`).toBe(DEFAULT_AUTHORIZE_URL);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'abc',
      response_type: 'code',
      redirect_uri: 'http://127.0.0.1:5/',
      state: 's1',
      force_reapprove: '0',
    });
  });

  it('leaves out redirect_uri for the show-the-code page and honours another base', () => {
    const url = new URL(buildAuthorizeUrl({ clientId: 'abc', authorizeUrl: 'http://127.0.0.1:9/oauth2/authorize', forceReapprove: true }));
    expect(url.host).toBe('127.0.0.1:9');
    expect(url.searchParams.has('redirect_uri')).toBe(false);
    expect(url.searchParams.get('force_reapprove')).toBe('1');
  });
});

describe('state', () => {
  it('is random and compared exactly', () => {
    const state = createState();
    expect(state).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(createState()).not.toBe(state);
    expect(stateMatches(state, state)).toBe(true);
    expect(stateMatches(state, `${state}x`)).toBe(false);
    expect(stateMatches(state, null)).toBe(false);
  });
});

describe('browserCommand', () => {
  it('uses open on macOS, start on Windows, xdg-open only with a display on Linux', () => {
    expect(browserCommand('https://x/?a=1&b=2', { platform: 'darwin' })).toEqual(['open', ['https://x/?a=1&b=2']]);
    expect(browserCommand('https://x/?a=1&b=2', { platform: 'win32' })?.[1]).toContain('https://x/?a=1^&b=2');
    expect(browserCommand('https://x/', { platform: 'linux', env: { DISPLAY: ':0' } })).toEqual(['xdg-open', ['https://x/']]);
    expect(browserCommand('https://x/', { platform: 'linux', env: {} })).toBeUndefined();
  });
});

describe('endpointFromClues', () => {
  it('prefers an explicit endpoint, then the redirect hostname, then the locationid, then EU', () => {
    expect(endpointFromClues({ explicit: 'us', hostname: 'eapi.pcloud.com' }).href).toBe('https://api.pcloud.com/');
    expect(endpointFromClues({ hostname: 'api.pcloud.com', fallbackProtocol: 'http:' }).href).toBe('https://api.pcloud.com/');
    expect(endpointFromClues({ hostname: '127.0.0.1:4567', fallbackProtocol: 'http:' }).href).toBe('http://127.0.0.1:4567/');
    expect(endpointFromClues({ locationid: 1 }).href).toBe('https://api.pcloud.com/');
    expect(endpointFromClues({}).href).toBe('https://eapi.pcloud.com/');
  });

  it("uses an emulator authorize page's origin before a locationid, never pCloud's page", () => {
    const fallback = endpointOfAuthorizePage('http://127.0.0.1:7000/oauth2/authorize');
    expect(fallback?.href).toBe('http://127.0.0.1:7000/');
    expect(endpointOfAuthorizePage('https://my.pcloud.com/oauth2/authorize')).toBeUndefined();
    expect(endpointOfAuthorizePage(undefined)).toBeUndefined();
    expect(endpointFromClues({ locationid: 1, ...(fallback ? { fallback } : {}) }).href).toBe('http://127.0.0.1:7000/');
    expect(endpointFromClues({ hostname: 'api.pcloud.com', ...(fallback ? { fallback } : {}) }).href).toBe('https://api.pcloud.com/');
  });

  it('ignores a hostname that is not a host', () => {
    expect(endpointFromClues({ hostname: 'evil.example/path?x', locationid: 2 }).href).toBe('https://eapi.pcloud.com/');
  });
});
