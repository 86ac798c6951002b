import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../src/index.js';
import { DEMO_APP, FOLDER_APP } from '../src/state/identity-seed.js';
import { apiCall } from './support/api-call.js';

/** A page answer, never following redirects (a plain HTTP client, as a CLI sees it). */
async function page(
  url: string,
  form?: Record<string, string>,
): Promise<{ status: number; html: string; location: string | null; headers: Headers }> {
  const response = await fetch(url, {
    redirect: 'manual',
    ...(form ? { method: 'POST', body: new URLSearchParams(form) } : {}),
  });
  return { status: response.status, html: await response.text(), location: response.headers.get('location'), headers: response.headers };
}

/** The hidden fields of the consent form, as a browser would submit them. */
function formFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    fields[match[1]!] = match[2]!
      .replace(/&amp;/g, '&')
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&#39;/g, "'");
  }
  return fields;
}

describe('OAuth authorize pages and oauth2_token', () => {
  let emu: Emulator;
  let authorize: string;
  beforeAll(async () => {
    emu = await createEmulator();
    authorize = `${emu.apiUrl}/oauth2/authorize`;
  });
  afterAll(() => emu.close());

  async function consent(query: Record<string, string>): Promise<Record<string, string>> {
    const shown = await page(`${authorize}?${new URLSearchParams(query)}`);
    expect(shown.status).toBe(200);
    return formFields(shown.html);
  }

  it('shows a real consent page: app name, account, Allow and Deny in a POST form', async () => {
    const shown = await page(`${authorize}?client_id=${DEMO_APP.clientId}&response_type=code`);
    expect(shown.status).toBe(200);
    expect(shown.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(shown.headers.get('cache-control')).toBe('no-store');
    expect(shown.html).toContain(DEMO_APP.name);
    expect(shown.html).toContain(emu.seeded.email);
    expect(shown.html).toMatch(/<form method="post" action="\/oauth2\/authorize">/);
    expect(shown.html).toMatch(/<button[^>]*value="allow"[^>]*>Allow<\/button>/);
    expect(shown.html).toMatch(/<button[^>]*value="deny"[^>]*>Deny<\/button>/);
  });

  it('code flow without redirect_uri: shows the code to copy; it trades once for a working token', async () => {
    const fields = await consent({ client_id: DEMO_APP.clientId, response_type: 'code', force_reapprove: '0' });
    const granted = await page(authorize, { ...fields, decision: 'allow' });
    expect(granted.status).toBe(200);
    const code = /<code id="code">([^<]+)<\/code>/.exec(granted.html)?.[1];
    expect(code).toBeDefined();
    const exchange = { client_id: DEMO_APP.clientId, client_secret: DEMO_APP.clientSecret, code: code! };
    const token = await apiCall(emu.apiUrl, 'oauth2_token', exchange);
    expect(token).toMatchObject({ result: 0, token_type: 'bearer', uid: emu.seeded.userid, userid: emu.seeded.userid, locationid: 2 });
    expect(typeof token.access_token).toBe('string');
    expect(await apiCall(emu.apiUrl, 'userinfo', {}, { bearer: token.access_token })).toMatchObject({ result: 0, email: emu.seeded.email });
    expect(await apiCall(emu.apiUrl, 'oauth2_token', exchange)).toEqual({ result: 2012, error: "Invalid 'code' provided." });
  });

  it('code flow with a loopback redirect_uri: the listener receives code, state, locationid and hostname', async () => {
    const received: URL[] = [];
    const listener: Server = createServer((req, res) => {
      received.push(new URL(req.url ?? '/', 'http://127.0.0.1'));
      res.end('You can close this window.');
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    try {
      const redirectUri = `http://127.0.0.1:${(listener.address() as AddressInfo).port}/callback`;
      const fields = await consent({ client_id: DEMO_APP.clientId, response_type: 'code', redirect_uri: redirectUri, state: 'xyz 123&=' });
      const granted = await page(authorize, { ...fields, decision: 'allow' });
      expect(granted.status).toBe(302);
      expect(granted.location?.startsWith(`${redirectUri}?`)).toBe(true);
      await fetch(granted.location!);
      const query = received[0]!.searchParams;
      expect(received[0]!.pathname).toBe('/callback');
      expect(query.get('state')).toBe('xyz 123&=');
      expect(query.get('locationid')).toBe('2');
      expect(query.get('hostname')).toBe(new URL(emu.apiUrl).host);
      const token = await apiCall(`http://${query.get('hostname')}`, 'oauth2_token', {
        client_id: DEMO_APP.clientId,
        client_secret: DEMO_APP.clientSecret,
        code: query.get('code')!,
      });
      expect(token.result).toBe(0);
    } finally {
      await new Promise((resolve) => listener.close(resolve));
    }
  });

  it('token flow: the fragment carries access_token, token_type, uid and userid, state, locationid, hostname', async () => {
    const fields = await consent({
      client_id: DEMO_APP.clientId,
      response_type: 'token',
      redirect_uri: 'http://localhost:53682/',
      state: 's1',
    });
    const granted = await page(authorize, { ...fields, decision: 'allow' });
    expect(granted.status).toBe(302);
    const target = new URL(granted.location!);
    expect(target.search).toBe('');
    const fragment = new URLSearchParams(target.hash.slice(1));
    expect(Object.fromEntries([...fragment.keys()].map((k) => [k, true]))).toEqual({
      access_token: true,
      token_type: true,
      uid: true,
      userid: true,
      state: true,
      locationid: true,
      hostname: true,
    });
    expect(fragment.get('token_type')).toBe('bearer');
    expect(fragment.get('uid')).toBe(String(emu.seeded.userid));
    expect(fragment.get('userid')).toBe(String(emu.seeded.userid));
    expect(fragment.get('state')).toBe('s1');
    expect(await apiCall(emu.apiUrl, 'userinfo', {}, { bearer: fragment.get('access_token')! })).toMatchObject({ result: 0 });
  });

  it('Deny redirects with error=access_denied (query for code, fragment for token) and issues nothing', async () => {
    const before = emu.state.identity.tokens.size;
    const codeFields = await consent({
      client_id: DEMO_APP.clientId,
      response_type: 'code',
      redirect_uri: 'http://127.0.0.1:9/cb',
      state: 'st',
    });
    const denied = await page(authorize, { ...codeFields, decision: 'deny' });
    expect(denied.status).toBe(302);
    const query = new URL(denied.location!).searchParams;
    expect(query.get('error')).toBe('access_denied');
    expect(query.get('state')).toBe('st');
    expect(query.has('code')).toBe(false);
    const tokenFields = await consent({ client_id: DEMO_APP.clientId, response_type: 'token', redirect_uri: 'http://127.0.0.1:9/cb' });
    const deniedToken = await page(authorize, { ...tokenFields, decision: 'deny' });
    expect(new URLSearchParams(new URL(deniedToken.location!).hash.slice(1)).get('error')).toBe('access_denied');
    const noRedirect = await consent({ client_id: DEMO_APP.clientId, response_type: 'code' });
    const deniedPage = await page(authorize, { ...noRedirect, decision: 'deny' });
    expect(deniedPage.status).toBe(200);
    expect(deniedPage.html).toContain('access_denied');
    expect(emu.state.identity.tokens.size).toBe(before);
  });

  it('shows an error page, never a redirect, for an unknown client_id or an unregistered redirect_uri', async () => {
    const unknown = await page(`${authorize}?client_id=nope&response_type=code&redirect_uri=${encodeURIComponent('http://127.0.0.1:9/')}`);
    expect(unknown.status).toBe(400);
    expect(unknown.location).toBeNull();
    expect(unknown.html).toContain('Invalid &#39;client_id&#39; provided.');
    const foreign = await page(
      `${authorize}?client_id=${DEMO_APP.clientId}&response_type=code&redirect_uri=${encodeURIComponent('https://evil.example/cb')}`,
    );
    expect(foreign.status).toBe(400);
    expect(foreign.html).toContain('redirect_uri');
    // A forged POST is validated again.
    const forged = await page(authorize, {
      client_id: DEMO_APP.clientId,
      response_type: 'code',
      redirect_uri: 'https://evil.example/cb',
      decision: 'allow',
    });
    expect(forged.status).toBe(400);
    expect(forged.location).toBeNull();
    const tokenWithoutRedirect = await page(`${authorize}?client_id=${DEMO_APP.clientId}&response_type=token`);
    expect(tokenWithoutRedirect.status).toBe(400);
    const badType = await page(`${authorize}?client_id=${DEMO_APP.clientId}&response_type=password`);
    expect(badType.status).toBe(400);
  });

  it('oauth2_token refuses a wrong secret, another app’s code and a missing code', async () => {
    const fields = await consent({ client_id: DEMO_APP.clientId, response_type: 'code' });
    const granted = await page(authorize, { ...fields, decision: 'allow' });
    const code = /<code id="code">([^<]+)<\/code>/.exec(granted.html)![1]!;
    expect(await apiCall(emu.apiUrl, 'oauth2_token', { client_id: DEMO_APP.clientId, client_secret: 'wrong', code })).toMatchObject({
      result: 2012,
    });
    expect(
      await apiCall(emu.apiUrl, 'oauth2_token', { client_id: FOLDER_APP.clientId, client_secret: FOLDER_APP.clientSecret, code }),
    ).toMatchObject({ result: 2012 });
    expect(await apiCall(emu.apiUrl, 'oauth2_token', { client_id: DEMO_APP.clientId, client_secret: DEMO_APP.clientSecret })).toMatchObject(
      {
        result: 1022,
      },
    );
    // The right secret still works after those failures (they did not burn the code), also as a POST body.
    const exchange = { client_id: DEMO_APP.clientId, client_secret: DEMO_APP.clientSecret, code };
    expect(await apiCall(emu.apiUrl, 'oauth2_token', exchange, { post: true })).toMatchObject({ result: 0, token_type: 'bearer' });
  });

  it('codes expire', async () => {
    let now = 1_800_000_000;
    const clocked = await createEmulator({ clock: () => now });
    try {
      const shown = await page(`${clocked.apiUrl}/oauth2/authorize?client_id=${DEMO_APP.clientId}&response_type=code`);
      const granted = await page(`${clocked.apiUrl}/oauth2/authorize`, { ...formFields(shown.html), decision: 'allow' });
      const code = /<code id="code">([^<]+)<\/code>/.exec(granted.html)![1]!;
      now += 601;
      const answer = await apiCall(clocked.apiUrl, 'oauth2_token', {
        client_id: DEMO_APP.clientId,
        client_secret: DEMO_APP.clientSecret,
        code,
      });
      expect(answer).toMatchObject({ result: 2012 });
    } finally {
      await clocked.close();
    }
  });
});
