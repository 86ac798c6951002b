import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '@pcloud/emulator';
import { pcloudToken, readConfig, writeConfig } from './support/run-token.js';

describe('pcloud-token whoami and logout', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await createEmulator();
  });
  afterAll(async () => emulator.close());

  it('whoami shows account, region, endpoint, token kind and quota — never the token', async () => {
    const config = await writeConfig(emulator, { access_token: emulator.token });
    const result = await pcloudToken(config, ['whoami']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('demo@pcloud-emulator.test');
    expect(result.stdout).toMatch(/region: +not one of pCloud's hosts: http:\/\/127\.0\.0\.1:\d+/);
    expect(result.stdout).toMatch(/OAuth access token, whole account/);
    expect(result.stdout).toMatch(/quota: .* of 10\.0 GiB used/);
    expect(result.stdout + result.stderr).not.toContain(emulator.token);
  });

  it('whoami --json names the app folder of a private-folder token', async () => {
    const config = await writeConfig(emulator, {
      access_token: emulator.seeded.appFolderAccessToken,
      'app-folder': '/Applications/Emulator Folder App',
    });
    const result = await pcloudToken(config, ['whoami', '--json']);
    expect(result.code).toBe(0);
    const info = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(info).toMatchObject({
      email: 'demo@pcloud-emulator.test',
      region: null,
      tokenKind: 'OAuth access token',
      appFolder: '/Applications/Emulator Folder App',
    });
    expect(result.stdout).not.toContain(emulator.seeded.appFolderAccessToken);
  });

  it('logout ends the session on the server and removes the token, keeping other keys', async () => {
    const token = emulator.state.identity.issueToken(emulator.seeded.userid, 'oauth', {
      device: 'logout test',
      now: Math.floor(Date.now() / 1000),
    });
    const config = await writeConfig(emulator, { access_token: token.value, username: 'me@example.test' });
    const result = await pcloudToken(config, ['logout']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/Logged out/);
    expect(emulator.state.identity.check({ accessToken: token.value }, Date.now() / 1000).ok).toBe(false);
    const stored = await readConfig(config);
    expect(stored.access_token).toBe('');
    expect(stored.username).toBe('me@example.test');
  });

  it('whoami without any token says how to provide one, in one line plus a hint', async () => {
    const config = await writeConfig(emulator);
    const result = await pcloudToken(config, ['whoami']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^pcloud-token: no pCloud access token\nhint: .*PCLOUD_ACCESS_TOKEN/);
  });
});

describe('pcloud-token logout with a token from the environment only', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await createEmulator();
  });
  afterAll(async () => emulator.close());

  it('ends the session, leaves the config file untouched and says to unset the variable', async () => {
    const token = emulator.state.identity.issueToken(emulator.seeded.userid, 'oauth', {
      device: 'env test',
      now: Math.floor(Date.now() / 1000),
    });
    const config = await writeConfig(emulator);
    const before = await readFile(config);
    const result = await pcloudToken(config, ['logout'], { env: { PCLOUD_ACCESS_TOKEN: token.value } });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^Logged out: the session has ended on pCloud\n/);
    expect(result.stderr).not.toMatch(/removed from/);
    expect(result.stderr).toMatch(/PCLOUD_ACCESS_TOKEN or PCLOUD_AUTH is still set/);
    expect((await readFile(config)).equals(before)).toBe(true);
    expect(emulator.state.identity.check({ accessToken: token.value }, Date.now() / 1000).ok).toBe(false);
  });
});
