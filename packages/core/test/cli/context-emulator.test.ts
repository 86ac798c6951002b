import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { createEmulator, type Emulator } from '@pcloud/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/index.js';
import { runTestTool, runWith, sandbox } from './support/test-tool.js';

const TOKEN = 'CliKnownEmulatorToken0123456789';
const DEMO_CLIENT_ID = 'pcloud-toolkit-demo';
const DEMO_SECRET = 'emulator-demo-secret';

function writeConfig(file: string, content: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(content));
}

/** The hidden fields of the emulator's consent form, as a browser would submit them. */
async function allow(url: string): Promise<Response> {
  const html = await (await fetch(url)).text();
  const fields: Record<string, string> = { decision: 'allow' };
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    fields[match[1] ?? ''] = (match[2] ?? '')
      .replace(/&amp;/g, '&')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'");
  }
  return fetch(new URL('/oauth2/authorize', url), { method: 'POST', body: new URLSearchParams(fields), redirect: 'manual' });
}

/** Runs the tool at a "terminal" whose stderr the test reads while the login waits. */
function runInteractive(argv: string[], env: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const stdin = new PassThrough();
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdin,
    env,
    cwd: process.cwd(),
    isTTY: true,
  };
  const done = runTestTool(argv, io).finally(() => stdin.end());
  const urls = async (count: number): Promise<string[]> => {
    for (;;) {
      const found = [...stderr.matchAll(/^ {2}(http\S+)$/gm)].map((match) => match[1] ?? '');
      if (found.length >= count) return found;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  return { done, urls, stdin, output: () => ({ stdout, stderr }) };
}

describe('the command context against the emulator', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await createEmulator({ seed: { accessToken: TOKEN } });
  });
  afterAll(() => emu.close());

  it('uses PCLOUD_ACCESS_TOKEN and PCLOUD_ENDPOINT, and --debug never shows the token', async () => {
    const box = sandbox();
    const result = await runWith(runTestTool, ['--debug', 'whoami'], {
      env: { ...box.env, PCLOUD_ACCESS_TOKEN: TOKEN, PCLOUD_ENDPOINT: emu.apiUrl },
    });
    expect(result.stdout).toBe(`${emu.seeded.email}\n`);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/userinfo/);
    expect(result.stderr).toContain('token in use: [REDACTED]');
    expect(result.stderr).not.toContain(TOKEN);
  });

  it('uses the token and endpoint of the config file, under either token key', async () => {
    const box = sandbox();
    writeConfig(box.configFile, { endpoint: emu.apiUrl, 'access-token': TOKEN });
    const result = await runWith(runTestTool, ['whoami'], { env: box.env });
    expect(result).toMatchObject({ code: 3, stdout: `${emu.seeded.email}\n`, stderr: '' });
  });

  it('uses the host and authid of a pcloud+http:// location over everything else', async () => {
    const box = sandbox();
    writeConfig(box.configFile, { endpoint: 'https://eapi.pcloud.com', access_token: 'wrong-token-from-config' });
    const location = `pcloud+http://${new URL(emu.apiUrl).host}/Backup?authid=${TOKEN}`;
    const result = await runWith(runTestTool, ['--debug', 'whoami', location], {
      env: { ...box.env, PCLOUD_ACCESS_TOKEN: 'wrong-token-from-env' },
    });
    expect(result.stdout).toBe(`${emu.seeded.email}\n`);
    expect(result.stderr).not.toContain(TOKEN);
  });

  it('reports a refused token as an expected failure with the region hint', async () => {
    const box = sandbox();
    const result = await runWith(runTestTool, ['-e', emu.apiUrl, 'whoami'], {
      env: { ...box.env, PCLOUD_ACCESS_TOKEN: 'NotARealToken0123456789' },
    });
    expect(result.code).toBe(1);
    const [first, hint] = result.stderr.split('\n');
    expect(first).toBe("pctest: userinfo: Invalid 'access_token' provided. (2094)");
    expect(hint).toMatch(/^hint: The token is not valid for 127\.0\.0\.1:\d+: check the endpoint/);
    expect(result.stderr).not.toContain('NotARealToken0123456789');
  });

  it('speaks the plain binary protocol for an http:// endpoint with --transport binary', async () => {
    const box = sandbox();
    writeConfig(box.configFile, { endpoint: emu.apiUrl, access_token: TOKEN, 'binary-api-port': emu.binaryPlainPort });
    const result = await runWith(runTestTool, ['--debug', '--transport', 'binary', 'whoami'], { env: box.env });
    expect(result.stdout).toBe(`${emu.seeded.email}\n`);
    expect(result.stderr).toMatch(/^binary userinfo/m);
  });

  it('logs in through the loopback redirect at a terminal, saves token and region, and warns about another account', async () => {
    const box = sandbox();
    writeConfig(box.configFile, { 'client-id': DEMO_CLIENT_ID, 'client-secret': DEMO_SECRET, endpoint: emu.apiUrl, keep: 'me' });
    const run = runInteractive(['-u', 'someone.else@example.com', 'whoami'], box.env);
    const [withRedirect] = await run.urls(1);
    expect(withRedirect).toContain('redirect_uri=');
    const granted = await allow(withRedirect ?? '');
    expect(granted.status).toBe(302);
    await fetch(granted.headers.get('location') ?? '');
    expect(await run.done).toBe(3);
    const { stdout, stderr } = run.output();
    expect(stdout).toBe(`${emu.seeded.email}\n`);
    expect(stderr).toContain(`Logged in; the token is saved in ${box.configFile}`);
    expect(stderr).toContain(`pctest: warning: you authorised the account ${emu.seeded.email}, not someone.else@example.com (-u)`);
    const saved = JSON.parse(readFileSync(box.configFile, 'utf8'));
    expect(saved).toMatchObject({ keep: 'me', endpoint: emu.apiUrl, username: 'someone.else@example.com' });
    expect(saved.access_token).toMatch(/\S{8,}/);
    expect(stderr).not.toContain(saved.access_token);

    // The saved token serves the next run, with no terminal.
    const again = await runWith(runTestTool, ['whoami'], { env: box.env });
    expect(again).toMatchObject({ code: 3, stdout: `${emu.seeded.email}\n` });
  });

  it('logs in with a pasted code when -r asks for a new token', async () => {
    const box = sandbox();
    writeConfig(box.configFile, {
      'client-id': DEMO_CLIENT_ID,
      'client-secret': DEMO_SECRET,
      endpoint: emu.apiUrl,
      access_token: 'old-token-to-replace',
    });
    const run = runInteractive(['-r', 'whoami'], box.env);
    const [, manual] = await run.urls(2);
    expect(manual).not.toContain('redirect_uri=');
    const page = await allow(manual ?? '');
    const code = /<code id="code">([^<]+)<\/code>/.exec(await page.text())?.[1];
    expect(code).toBeDefined();
    run.stdin.write(`${code}\n`);
    expect(await run.done).toBe(3);
    expect(run.output().stdout).toBe(`${emu.seeded.email}\n`);
    expect(run.output().stderr).not.toContain(code);
    const saved = JSON.parse(readFileSync(box.configFile, 'utf8'));
    expect(saved.access_token).not.toBe('old-token-to-replace');
  });
});

describe('the command context over HTTPS with the emulator’s CA', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await createEmulator({ tls: true, seed: { accessToken: TOKEN } });
  });
  afterAll(() => emu.close());

  it('trusts PCLOUD_CA_FILE for a pcloud:// location on a loopback port', async () => {
    const box = sandbox();
    const caFile = join(box.home, 'emulator-ca.pem');
    writeFileSync(caFile, emu.ca ?? '');
    const location = `pcloud://${new URL(emu.apiUrl).host}/?authid=${TOKEN}`;
    const trusted = await runWith(runTestTool, ['whoami', location], { env: { ...box.env, PCLOUD_CA_FILE: caFile } });
    expect(trusted).toMatchObject({ code: 3, stdout: `${emu.seeded.email}\n` });

    const untrusted = await runWith(runTestTool, ['-t', '1', 'whoami', location], { env: box.env });
    expect(untrusted.code).toBe(1);
    expect(untrusted.stderr).not.toContain(TOKEN);
  });

  it('speaks the binary protocol with --transport binary on the config’s binary-api-port', async () => {
    const box = sandbox();
    const caFile = join(box.home, 'ca.pem');
    writeFileSync(caFile, emu.ca ?? '');
    writeConfig(box.configFile, { 'ca-file': caFile, endpoint: emu.apiUrl, access_token: TOKEN, 'binary-api-port': emu.binaryPort });
    const result = await runWith(runTestTool, ['--debug', '--transport', 'binary', 'whoami'], { env: box.env });
    expect(result.stdout).toBe(`${emu.seeded.email}\n`);
    expect(result.stderr).toMatch(/^binary userinfo/m);
    expect(result.stderr).not.toContain(TOKEN);
  });

  it('reads the CA from the config’s ca-file, and names a missing one', async () => {
    const box = sandbox();
    const caFile = join(box.home, 'ca.pem');
    writeFileSync(caFile, emu.ca ?? '');
    writeConfig(box.configFile, { 'ca-file': caFile, endpoint: emu.apiUrl, access_token: TOKEN });
    expect((await runWith(runTestTool, ['whoami'], { env: box.env })).stdout).toBe(`${emu.seeded.email}\n`);
    const missing = await runWith(runTestTool, ['whoami'], { env: { ...box.env, PCLOUD_CA_FILE: join(box.home, 'nope.pem') } });
    expect(missing.code).toBe(1);
    expect(missing.stderr.split('\n')[0]).toBe(`pctest: cannot read the CA file ${join(box.home, 'nope.pem')} (ENOENT)`);
  });
});
