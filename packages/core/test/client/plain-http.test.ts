/**
 * Plain HTTP carries the token in clear, so it is refused for any host off this machine unless the
 * user asks for it: in createClient, and on the command line (--insecure-http, or the config's
 * "insecure-http"). The emulator is reached through 0.0.0.0, which is not a loopback name, yet
 * Linux delivers it to this machine: the one non-loopback http:// host a test can use without
 * sending anything off the machine.
 */
import { createEmulator, type Emulator } from '@pcloud/emulator';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLoopbackHost, refusePlainHttp } from '../../src/client/plain-http.js';
import { createClient } from '../../src/client/create-client.js';
import { runTestTool, runWith, sandbox } from '../cli/support/test-tool.js';

describe('plain HTTP', () => {
  it('is taken for this machine only', () => {
    for (const host of ['localhost', 'LOCALHOST', '127.0.0.1', '127.1.2.3', '[::1]']) expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ['0.0.0.0', 'eapi.pcloud.com', '10.0.0.1', '127.example.com', 'localhost.example', '[::2]'])
      expect(isLoopbackHost(host), host).toBe(false);
    expect(() => refusePlainHttp(new URL('https://eapi.pcloud.com'), false)).not.toThrow();
    expect(() => refusePlainHttp(new URL('http://127.0.0.1:8080'), false)).not.toThrow();
    expect(() => refusePlainHttp(new URL('http://files.example.invalid'), true)).not.toThrow();
  });

  it('to another host is refused by createClient with one line that says why, unless allowed', () => {
    expect(() => createClient({ endpoint: 'http://files.example.invalid', accessToken: 'SomeAccessToken123' })).toThrow(
      expect.objectContaining({
        code: 'USAGE_ERROR',
        message:
          'refusing plain http://files.example.invalid: the token would cross the network unencrypted; use https://, or --insecure-http ("insecure-http": true in the config) to send it anyway',
      }),
    );
    expect(() => createClient({ endpoint: 'http://files.example.invalid', insecureHttp: true })).not.toThrow();
  });
});

describe('plain HTTP on the command line', () => {
  let emu: Emulator;
  let offLoopback: string;
  beforeAll(async () => {
    emu = await createEmulator();
    offLoopback = `http://0.0.0.0:${new URL(emu.apiUrl).port}`;
  });
  afterAll(() => emu.close());

  it('is a usage error without --insecure-http, and reaches the server with it or with the config key', async () => {
    const box = sandbox();
    const env = { ...box.env, PCLOUD_ACCESS_TOKEN: emu.token };
    const refused = await runWith(runTestTool, ['-e', offLoopback, 'whoami'], { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr.split('\n')[0]).toBe(
      `pctest: refusing plain http://0.0.0.0:${new URL(emu.apiUrl).port}: the token would cross the network unencrypted; use https://, or --insecure-http ("insecure-http": true in the config) to send it anyway`,
    );
    const allowed = await runWith(runTestTool, ['--insecure-http', '-e', offLoopback, 'whoami'], { env });
    expect(allowed).toMatchObject({ code: 3, stdout: `${emu.seeded.email}\n` });
    writeFileSync(box.configFile, JSON.stringify({ endpoint: offLoopback, 'insecure-http': true }));
    const configured = await runWith(runTestTool, ['whoami'], { env: { ...box.env, PCLOUD_ACCESS_TOKEN: emu.token } });
    expect(configured).toMatchObject({ code: 3, stdout: `${emu.seeded.email}\n` });
  });
});
