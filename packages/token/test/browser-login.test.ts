import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_APP, createEmulator, type Emulator } from '@pcloud/emulator';
import { readConfig, writeConfig } from './support/run-token.js';
import { tokenBin } from './support/token-bin.js';

const CHROMIUM = '/usr/bin/chromium';
const browserScript = fileURLToPath(new URL('./support/chromium-browser.mjs', import.meta.url));
const demoApp = { 'client-id': DEMO_APP.clientId, 'client-secret': DEMO_APP.clientSecret };

/** What the browser saw, as the BROWSER script reports it. */
interface BrowserReport {
  error?: string;
  consentStatus?: number;
  consentText?: string;
  finalStatus?: number;
  finalOrigin?: string;
  finalTitle?: string;
  finalText?: string;
}

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
  browser: BrowserReport;
}

let bin: string;

/** Runs the real `pcloud-token` bin with BROWSER set to the Chromium driver, as on a user's machine. */
async function spawnToken(config: string, args: string[], browserMode?: 'allow' | 'deny' | 'tamper'): Promise<Finished> {
  const dir = await mkdtemp(join(tmpdir(), 'pcloud-token-browser-'));
  const reportFile = join(dir, 'browser.json');
  const { PCLOUD_ACCESS_TOKEN: _token, PCLOUD_AUTH: _auth, PCLOUD_ENDPOINT: _endpoint, DISPLAY: _display, ...env } = process.env;
  const child = spawn(process.execPath, [bin, '-f', config, ...args], {
    env: {
      ...env,
      HOME: dir,
      BROWSER: `"${process.execPath}" "${browserScript}"`,
      ...(browserMode ? { PCLOUD_TEST_BROWSER_MODE: browserMode, PCLOUD_TEST_BROWSER_OUT: reportFile } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  let browser: BrowserReport = {};
  let done = false;
  void exited.then(() => (done = true));
  // The browser finishes on its own; after a tampered redirect (or a browser failure) the tool
  // is still waiting for a real answer, so it is interrupted as a person would with Ctrl-C.
  if (browserMode) {
    for (let waited = 0; waited < 60_000; waited += 100) {
      const text = await readFile(reportFile, 'utf8').catch(() => undefined);
      if (text !== undefined) {
        browser = JSON.parse(text) as BrowserReport;
        if (browserMode === 'tamper' || browser.error) child.kill('SIGINT');
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (!done && browser.finalStatus === undefined) child.kill('SIGINT');
  }
  return { code: await exited, stdout, stderr, browser };
}

// Each test starts a real Chromium: seconds each on a loaded machine.
describe('pcloud-token login in a real browser (Debian Chromium driven by playwright-core)', { timeout: 90_000 }, () => {
  let emulator: Emulator;
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `${CHROMIUM} is missing: the browser login test needs Debian's chromium (apt-get install chromium; .ci/run installs it).`,
      );
    }
    bin = await tokenBin();
    // A US emulator: a login that assumed pCloud's default (EU) region would store the wrong endpoint.
    emulator = await createEmulator({ tls: true, region: 'us' });
  });
  afterAll(async () => emulator?.close());

  it('Allow: the tool stores a working token for the region the page named', async () => {
    const config = await writeConfig(emulator, demoApp);
    const result = await spawnToken(config, ['login'], 'allow');
    expect(result.browser.error).toBeUndefined();
    expect(result.browser.consentStatus).toBe(200);
    expect(result.browser.consentText).toContain(DEMO_APP.name);
    expect(result.browser.finalStatus).toBe(200);
    expect(result.browser.finalTitle).toBe('Logged in to pCloud');
    expect(result.browser.finalOrigin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`Logged in as demo@pcloud-emulator.test at ${emulator.apiUrl}`);
    const stored = await readConfig(config);
    expect(stored.endpoint).toBe(emulator.apiUrl);
    expect(typeof stored.access_token).toBe('string');
    expect(emulator.state.identity.check({ accessToken: stored.access_token as string }, Date.now() / 1000).ok).toBe(true);
    expect(result.stdout + result.stderr).not.toContain(stored.access_token as string);

    const whoami = await spawnToken(config, ['whoami']);
    expect(whoami.code, whoami.stderr).toBe(0);
    expect(whoami.stdout).toContain('demo@pcloud-emulator.test');
    expect(whoami.stdout).toContain(emulator.apiUrl);
    expect(whoami.stdout + whoami.stderr).not.toContain(stored.access_token as string);
  });

  it('Deny: the tool says access was denied in one line and stores nothing', async () => {
    const config = await writeConfig(emulator, demoApp);
    const before = await readFile(config, 'utf8');
    const result = await spawnToken(config, ['login'], 'deny');
    expect(result.browser.error).toBeUndefined();
    expect(result.browser.finalTitle).toBe('Login failed');
    expect(result.code).toBe(1);
    const failures = result.stderr.split('\n').filter((line) => line.startsWith('pcloud-token:'));
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/denied|refused/i);
    expect(await readFile(config, 'utf8')).toBe(before);
  });

  it('a redirect with a tampered state is refused in the browser and nothing is stored', async () => {
    const config = await writeConfig(emulator, demoApp);
    const before = await readFile(config, 'utf8');
    const result = await spawnToken(config, ['login'], 'tamper');
    expect(result.browser.error).toBeUndefined();
    expect(result.browser.finalStatus).toBe(400);
    expect(result.browser.finalTitle).toBe('Login not accepted');
    expect(result.code).not.toBe(0);
    expect(result.stderr).not.toMatch(/Logged in/);
    expect(await readFile(config, 'utf8')).toBe(before);
  });
});
