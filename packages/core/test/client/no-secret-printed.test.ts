/**
 * A client, its errors, a login's result and the config store hold tokens but never print them:
 * console.log, util.inspect (even with hidden properties and getters) and JSON.stringify show
 * `[REDACTED]`, before and after calls over real sockets.
 */
import { createServer } from 'node:net';
import { format, inspect } from 'node:util';
import { createEmulator, type Emulator } from '@pcloud/emulator';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createClient, openConfigStore, type PCloudClient } from '../../src/index.js';
import { forgetSecrets } from '../../src/internal.js';
import { tempDir } from '../helpers/temp-dir.js';

let emu: Emulator;
const clients: PCloudClient[] = [];

/** Every way a script may print a value. */
function printed(value: unknown): string {
  return [
    format('%o', value),
    format('%s', value),
    inspect(value, { depth: Number.POSITIVE_INFINITY }),
    inspect(value, { depth: Number.POSITIVE_INFINITY, showHidden: true, getters: true }),
    JSON.stringify(value, (_key, field: unknown) => (typeof field === 'bigint' ? String(field) : field)),
  ].join('\n');
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('the call succeeded');
}

beforeAll(async () => {
  // Redaction of registered secrets must not be what hides them here.
  forgetSecrets();
  emu = await createEmulator({ legacy: true });
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await emu.close();
});

describe('no secret in what prints', () => {
  test('an HTTP client with an access token, before and after a call', async () => {
    const client = createClient({ endpoint: emu.apiUrl, accessToken: emu.token });
    clients.push(client);
    forgetSecrets();
    expect(client.settings.credentials.accessToken).toBe(emu.token);
    expect(printed(client)).not.toContain(emu.token);
    expect(printed(client)).toContain('[REDACTED]');
    await client.call('userinfo');
    expect(printed(client)).not.toContain(emu.token);
    expect(printed(client.settings)).not.toContain(emu.token);
    expect(printed({ ...client.settings })).not.toContain(emu.token);
  });

  test('a binary client with a legacy auth token', async () => {
    const { auth } = await createClient({ endpoint: emu.apiUrl }).callRaw('userinfo', {
      getauth: 1,
      username: emu.seeded.email,
      password: emu.seeded.password,
    });
    expect(typeof auth).toBe('string');
    const token = String(auth);
    const client = createClient({
      endpoint: emu.apiUrl,
      auth: token,
      transport: 'binary',
      binaryPort: emu.binaryPlainPort,
      binaryPlain: true,
    });
    clients.push(client);
    await client.call('userinfo');
    forgetSecrets();
    expect(printed(client)).not.toContain(token);
  });

  test('errors of calls: a refused token and a refused connection', async () => {
    const wrong = 'a-wrong-token-0123456789abcdef';
    const refused = createClient({ endpoint: emu.apiUrl, accessToken: wrong, retry: false });
    clients.push(refused);
    const apiError = await failure(refused.call('userinfo'));
    forgetSecrets();
    expect(printed(apiError)).not.toContain(wrong);

    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as { port: number };
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const unreachable = createClient({ endpoint: `http://127.0.0.1:${port}`, accessToken: emu.token, retry: false });
    clients.push(unreachable);
    const transportError = await failure(unreachable.call('userinfo'));
    forgetSecrets();
    expect(printed(transportError)).not.toContain(emu.token);
  });

  test('the config store holding a token and an app secret', async () => {
    const store = await openConfigStore({ path: `${tempDir()}/pcloud.json` });
    const secret = 'app-secret-value-0123456789';
    await store.save({ access_token: emu.token, 'client-secret': secret, username: 'someone@example.com' });
    forgetSecrets();
    expect(store.accessToken()).toBe(emu.token);
    const shown = printed(store);
    expect(shown).not.toContain(emu.token);
    expect(shown).not.toContain(secret);
    expect(shown).toContain('someone@example.com');
  });
});
