/**
 * The OAuth2 login end to end against the emulator's authorize page, driven by a plain HTTP
 * client in place of a browser: the loopback redirect, the pasted code, the pasted address,
 * an exchange service, a denial, and a refused exchange. Neither code nor token is ever printed.
 */
import { inspect } from 'node:util';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../../src/auth/login.js';
import { createClient } from '../../src/client/create-client.js';
import { createEmulator, requestPage as request, shownCode, submitConsent as decide, type Emulator } from '@pcloud/emulator';

const DEMO = { clientId: 'pcloud-toolkit-demo', clientSecret: 'emulator-demo-secret' };

async function tokenWorks(endpoint: string, accessToken: string, ca?: string): Promise<number> {
  const client = createClient({ endpoint, accessToken, ...(ca ? { ca } : {}) });
  try {
    return (await client.call('userinfo')).userid;
  } finally {
    await client.close();
  }
}

describe.each([{ tls: false }, { tls: true }])('login with the loopback redirect over %o', ({ tls }) => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await createEmulator({ tls });
  });
  afterAll(() => emu.close());

  it('follows Allow to the loopback listener, exchanges with the secret, and finds the endpoint from the redirect', async () => {
    const output: string[] = [];
    const codes: string[] = [];
    const result = await login({
      ...DEMO,
      authorizeUrl: `${emu.apiUrl}/oauth2/authorize`,
      output: (line) => output.push(line),
      client: { ...(emu.ca ? { ca: emu.ca } : {}) },
      openBrowser: async (url) => {
        const answer = await decide(url, 'allow', emu.ca);
        expect(answer.status).toBe(302);
        const target = new URL(answer.location ?? '');
        codes.push(target.searchParams.get('code') ?? '');
        expect(target.searchParams.get('hostname')).toBe(new URL(emu.apiUrl).host);
        const landing = await request(target.href);
        expect(landing.body).toContain('You can close this tab');
        return true;
      },
    });
    expect(result).toMatchObject({ locationid: 2, endpoint: emu.apiUrl, userid: emu.seeded.userid });
    expect(await tokenWorks(result.endpoint, result.accessToken, emu.ca)).toBe(emu.seeded.userid);
    // The result hands the token to code, never to a log line that prints it.
    for (const printed of [inspect(result), JSON.stringify(result)]) expect(printed).not.toContain(result.accessToken);
    expect(output.join('\n')).toContain(`${emu.apiUrl}/oauth2/authorize?client_id=pcloud-toolkit-demo`);
    for (const secret of [result.accessToken, codes[0] ?? 'x', DEMO.clientSecret]) expect(output.join('\n')).not.toContain(secret);
  });

  it('fails with one clear line when the user denies access', async () => {
    const denied = login({
      ...DEMO,
      authorizeUrl: `${emu.apiUrl}/oauth2/authorize`,
      output: () => {},
      openBrowser: async (url) => {
        const answer = await decide(url, 'deny', emu.ca);
        await request(answer.location ?? '');
        return true;
      },
    });
    await expect(denied).rejects.toMatchObject({ code: 'AUTH_ERROR', message: 'Authorization was not granted (access_denied).' });
  });
});

describe('login with a pasted code', () => {
  let emu: Emulator;
  let service: http.Server;
  let exchangeUrl: string;
  const serviceSaw: string[] = [];

  beforeAll(async () => {
    emu = await createEmulator();
    // An exchange service like the original's: it holds the secret and answers pCloud's JSON.
    service = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', async () => {
        serviceSaw.push(`${req.method} ${req.url} ${[...new URLSearchParams(body).keys()].join(',')}`);
        const params = new URLSearchParams(body);
        const answer = await fetch(`${params.get('hostname')}/oauth2_token`, {
          method: 'POST',
          body: new URLSearchParams({
            client_id: params.get('client_id') ?? '',
            client_secret: DEMO.clientSecret,
            code: params.get('code') ?? '',
          }),
        });
        res.setHeader('content-type', 'application/json');
        res.end(await answer.text());
      });
    });
    await new Promise<void>((resolve) => service.listen(0, '127.0.0.1', resolve));
    exchangeUrl = `http://127.0.0.1:${(service.address() as AddressInfo).port}/pcloud_auth`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => service.close(() => resolve()));
    await emu.close();
  });

  it('reads the code the page shows from the input and exchanges it through the exchange service', async () => {
    const input = new PassThrough();
    const output: string[] = [];
    const result = await login({
      clientId: DEMO.clientId,
      exchangeUrl,
      endpoint: emu.apiUrl,
      authorizeUrl: `${emu.apiUrl}/oauth2/authorize`,
      loopback: false,
      input,
      output: (line) => output.push(line),
      openBrowser: async (url) => {
        expect(new URL(url).searchParams.has('redirect_uri')).toBe(false);
        const page = await decide(url, 'allow');
        input.write(`\n  ${shownCode(page)}  \n`);
        return true;
      },
    });
    expect(result).toMatchObject({ endpoint: emu.apiUrl, locationid: 2 });
    expect(await tokenWorks(result.endpoint, result.accessToken)).toBe(emu.seeded.userid);
    // The code went in a POST body to the service's path, never in its URL.
    expect(serviceSaw).toEqual(['POST /pcloud_auth client_id,code,hostname']);
    expect(output.join('\n')).not.toContain(result.accessToken);
  });

  it('takes the address a browser elsewhere ended on, checking its state', async () => {
    const input = new PassThrough();
    const result = await login({
      ...DEMO,
      authorizeUrl: `${emu.apiUrl}/oauth2/authorize`,
      input,
      output: () => {},
      openBrowser: async (url) => {
        // The browser runs elsewhere and cannot reach our listener: the user copies the address.
        const answer = await decide(url, 'allow');
        input.write(`${answer.location}\n`);
        return false;
      },
    });
    expect(await tokenWorks(result.endpoint, result.accessToken)).toBe(emu.seeded.userid);
  });

  it('refuses a pasted address from another login attempt', async () => {
    const input = new PassThrough();
    const attempt = login({
      ...DEMO,
      authorizeUrl: `${emu.apiUrl}/oauth2/authorize`,
      input,
      output: () => {},
      openBrowser: async (url) => {
        const foreign = new URL(url);
        foreign.searchParams.set('state', 'someone-elses-state');
        const answer = await decide(foreign.href, 'allow');
        input.write(`${answer.location}\n`);
        return true;
      },
    });
    await expect(attempt).rejects.toThrow('The pasted address belongs to another login attempt: start again.');
  });

  it("sends nothing to a host a pasted address names, unless it is pCloud's or the emulator's own", async () => {
    // The "attacker": a server on another port that would receive the code and the client secret.
    const seen: string[] = [];
    const attacker = http.createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      res.end('{"result":0,"access_token":"stolen-token-value","locationid":2}');
    });
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    const attackerHost = `127.0.0.1:${(attacker.address() as AddressInfo).port}`;
    try {
      const tampered = async (edit: (address: URL) => void): Promise<unknown> => {
        const input = new PassThrough();
        return login({
          ...DEMO,
          authorizeUrl: `${emu.apiUrl}/oauth2/authorize`,
          input,
          output: () => {},
          openBrowser: async (url) => {
            const address = new URL((await decide(url, 'allow')).location ?? '');
            edit(address);
            input.write(`${address.href}\n`);
            return false;
          },
        }).catch((error: unknown) => error);
      };
      const redirected = await tampered((address) => address.searchParams.set('hostname', attackerHost));
      expect(redirected).toMatchObject({
        code: 'AUTH_ERROR',
        message: `The login answer names the API host "${attackerHost}", which is not pCloud's: the code is not sent there.`,
      });
      const stateless = await tampered((address) => {
        address.searchParams.delete('state');
        address.searchParams.set('hostname', attackerHost);
      });
      expect(stateless).toMatchObject({ code: 'AUTH_ERROR', message: expect.stringContaining('names a region but carries no state') });
      expect(seen).toEqual([]);
    } finally {
      await new Promise<void>((resolve) => attacker.close(() => resolve()));
    }
  });

  it('reports a refused exchange without the code or the secret', async () => {
    const input = new PassThrough();
    let code = '';
    const error = await login({
      clientId: DEMO.clientId,
      clientSecret: 'wrong-secret-value-123',
      endpoint: emu.apiUrl,
      authorizeUrl: `${emu.apiUrl}/oauth2/authorize`,
      loopback: false,
      input,
      output: () => {},
      openBrowser: async (url) => {
        code = shownCode(await decide(url, 'allow'));
        input.write(`${code}\n`);
        return true;
      },
    }).catch((e: unknown) => e as Error & { method?: string; result?: number });
    expect(error).toMatchObject({ method: 'oauth2_token', hint: undefined });
    expect(error.message).not.toContain(code);
    expect(error.message).not.toContain('wrong-secret-value-123');
  });

  it("exchanges a bare code at the emulator's own origin, and hints at the region when it is refused", async () => {
    const viaOrigin = new PassThrough();
    const result = await login({
      ...DEMO,
      authorizeUrl: `${emu.apiUrl}/oauth2/authorize`,
      loopback: false,
      input: viaOrigin,
      output: () => {},
      openBrowser: async (url) => {
        viaOrigin.write(`${shownCode(await decide(url, 'allow'))}\n`);
        return true;
      },
    });
    expect(result).toMatchObject({ endpoint: emu.apiUrl, locationid: 2 });
    const input = new PassThrough();
    const refused = login({
      ...DEMO,
      authorizeUrl: `${emu.apiUrl}/oauth2/authorize`,
      loopback: false,
      input,
      output: () => {},
      openBrowser: async () => {
        input.write('NotARealCode123\n');
        return false;
      },
    });
    await expect(refused).rejects.toMatchObject({ method: 'oauth2_token', hint: expect.stringContaining('-e us or -e eu') });
  });
});
