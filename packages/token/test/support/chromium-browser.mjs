#!/usr/bin/env node
// A real browser for `BROWSER=`: `pcloud-token login` runs this with the authorize page's address.
// It drives Debian's Chromium through playwright-core (never a downloaded browser) like a person:
// Allow, Deny, or — mode `tamper` — Allow, then going to the loopback address with another state.
// What the browser saw goes to $PCLOUD_TEST_BROWSER_OUT as JSON (titles and statuses, never a code).
import { writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [url] = process.argv.slice(2);
const mode = process.env.PCLOUD_TEST_BROWSER_MODE ?? 'allow';
const out = process.env.PCLOUD_TEST_BROWSER_OUT;

// The Chromium flags that let it run headless as root on a machine without a display or network.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const report = {};
const profile = await mkdtemp(join(tmpdir(), 'pcloud-chromium-'));
let context;
try {
  if (!url) throw new Error('no address given');
  const redirectUri = new URL(url).searchParams.get('redirect_uri') ?? '';
  // The emulator's certificate comes from a throwaway CA this profile does not know.
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.PCLOUD_TEST_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    ignoreHTTPSErrors: true,
    args: CHROMIUM_ARGS,
    timeout: 30_000,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const consent = await page.goto(url);
  report.consentStatus = consent?.status();
  report.consentTitle = await page.title();
  report.consentText = await page.locator('body').innerText();
  if (mode === 'tamper') {
    // Submit Allow but hold back the server's redirect, then send the browser to the loopback
    // address with a state of our own (a route sees only the first request of a redirect chain).
    let release;
    const held = new Promise((resolve) => (release = resolve));
    await page.route(
      (target) => target.pathname === '/oauth2/authorize',
      async (route) => {
        if (route.request().method() !== 'POST') return route.continue();
        const answer = await route.fetch({ maxRedirects: 0 });
        release(answer.headers().location);
        return route.fulfill({ status: 200, contentType: 'text/html', body: '<title>held</title>' });
      },
    );
    await page.click('#allow');
    const tampered = new URL(await held, url);
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    tampered.searchParams.set('state', `${tampered.searchParams.get('state')}x`);
    const landing = await page.goto(tampered.href);
    report.finalStatus = landing?.status();
  } else {
    const [landing] = await Promise.all([
      page.waitForResponse((response) => response.url().startsWith(redirectUri)),
      page.click(`#${mode}`),
    ]);
    await page.waitForLoadState('load');
    report.finalStatus = landing.status();
  }
  report.finalOrigin = new URL(page.url()).origin;
  report.finalTitle = await page.title();
  report.finalText = await page.locator('body').innerText();
} catch (error) {
  report.error = error instanceof Error ? error.message.split('\n')[0] : String(error);
} finally {
  await context?.close().catch(() => undefined);
  await rm(profile, { recursive: true, force: true }).catch(() => undefined);
  if (out) writeFileSync(out, JSON.stringify(report));
}
