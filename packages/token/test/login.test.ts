import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_APP, approveInBrowser, createEmulator, requestPage, shownCode, submitConsent, type Emulator } from '@pcloud/emulator';
import { pasteInput, pcloudToken, readConfig, writeConfig } from './support/run-token.js';

const demoApp = { 'client-id': DEMO_APP.clientId, 'client-secret': DEMO_APP.clientSecret };

/** `pcloud-token login`: the loopback flow, the pasted code, and tokens obtained elsewhere. */
describe('pcloud-token login', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await createEmulator({ tls: true });
  });
  afterAll(async () => emulator.close());

  it('stores a working token through the loopback flow, the browser clicking Allow', async () => {
    const config = await writeConfig(emulator, demoApp);
    let opened = '';
    const result = await pcloudToken(config, ['login'], {
      openBrowser: async (url) => {
        opened = url;
        void approveInBrowser(url, emulator.ca);
        return true;
      },
    });
    expect(result.stderr).toMatch(/Logged in as demo@pcloud-emulator\.test/);
    expect(result.code).toBe(0);
    expect(new URL(opened).searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+/);
    const stored = await readConfig(config);
    expect(typeof stored.access_token).toBe('string');
    expect(emulator.state.identity.check({ accessToken: stored.access_token as string }, Date.now() / 1000).ok).toBe(true);
    expect(stored.endpoint).toBe(emulator.apiUrl);
    expect(stored['client-secret']).toBe(DEMO_APP.clientSecret);
    expect(result.stdout + result.stderr).not.toContain(stored.access_token as string);
  });

  it('takes a code pasted at the terminal (no browser)', async () => {
    const config = await writeConfig(emulator, demoApp);
    const stdin = pasteInput();
    const running = pcloudToken(config, ['login', '--no-browser'], { isTTY: true, stdin });
    const page = await submitConsent(
      `${emulator.apiUrl}/oauth2/authorize?client_id=${DEMO_APP.clientId}&response_type=code`,
      'allow',
      emulator.ca,
    );
    const code = shownCode(page);
    stdin.write(`${code}\n`);
    const result = await running;
    expect(result.code).toBe(0);
    const stored = await readConfig(config);
    expect(emulator.state.identity.check({ accessToken: stored.access_token as string }, Date.now() / 1000).ok).toBe(true);
    expect(result.stdout + result.stderr).not.toContain(code);
  });

  it('fails with one line when the person clicks Deny', async () => {
    const config = await writeConfig(emulator, demoApp);
    const result = await pcloudToken(config, ['login'], {
      openBrowser: async (url) => {
        void submitConsent(url, 'deny', emulator.ca).then((answer) => answer.location && requestPage(answer.location));
        return true;
      },
    });
    expect(result.code).toBe(1);
    const failures = result.stderr.split('\n').filter((line) => line.startsWith('pcloud-token:'));
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/denied|refused/i);
    expect((await readConfig(config)).access_token).toBeUndefined();
  });

  it('stores a token from elsewhere (--token -) after checking it with userinfo', async () => {
    const config = await writeConfig(emulator);
    const stdin = pasteInput();
    stdin.end(`${emulator.token}\n`);
    const result = await pcloudToken(config, ['login', '--token', '-'], { stdin });
    expect(result.code).toBe(0);
    expect((await readConfig(config)).access_token).toBe(emulator.token);
    expect(result.stdout + result.stderr).not.toContain(emulator.token);
    expect(result.stderr).not.toContain('warning');
  });

  it('refuses an unknown token and stores nothing', async () => {
    const config = await writeConfig(emulator);
    const result = await pcloudToken(config, ['login', '--token', 'not-a-real-token-0123456789']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Invalid 'access_token' provided/);
    expect(result.stderr).not.toContain('not-a-real-token-0123456789');
    expect((await readConfig(config)).access_token).toBeUndefined();
  });
});

describe('pcloud-token login --token: region detection', () => {
  const token = 'us-region-token-for-detection-0123456789abcdef';
  let eu: Emulator;
  let us: Emulator;
  beforeAll(async () => {
    us = await createEmulator({ region: 'us', seed: { accessToken: token } });
    eu = await createEmulator({ region: 'eu', seed: { foreignRegionTokens: [token] } });
  });
  afterAll(async () => Promise.all([eu.close(), us.close()]));

  it('tries the other region once on 2094 and stores the endpoint that accepted the token', async () => {
    const config = await writeConfig(eu);
    const result = await pcloudToken(config, ['login', '--token', token, '--other-endpoint', us.apiUrl]);
    expect(result.stderr).toMatch(new RegExp(`at ${us.apiUrl.replace(/[.]/g, '\\.')}`));
    // The token was on the command line: one warning says so, and names the safer ways in.
    const warnings = result.stderr.split('\n').filter((line) => line.includes('warning'));
    expect(warnings).toEqual([
      'pcloud-token: warning: a token given with --token on the command line can be read by other users in the process list; use --token - (standard input) or PCLOUD_ACCESS_TOKEN instead',
    ]);
    expect(result.code).toBe(0);
    const stored = await readConfig(config);
    expect(stored.endpoint).toBe(us.apiUrl);
    expect(stored.access_token).toBe(token);
  });

  it('keeps the 2094 error, with its region hint, when the other region refuses too', async () => {
    const config = await writeConfig(eu);
    const result = await pcloudToken(config, ['login', '--token', token, '--other-endpoint', eu.apiUrl]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/2094/);
    expect(result.stderr).not.toContain(token);
  });
});
