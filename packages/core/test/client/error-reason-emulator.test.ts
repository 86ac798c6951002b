import { createServer } from 'node:net';
import { createEmulator, type Emulator } from '@pcloud/emulator';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createClient, isPCloudError, type ClientOptions, type PCloudClient } from '../../src/index.js';

let emu: Emulator;
const clients: PCloudClient[] = [];

function client(options: ClientOptions = {}): PCloudClient {
  const made = createClient({ endpoint: emu.apiUrl, accessToken: emu.token, retry: false, ...options });
  clients.push(made);
  return made;
}

async function reasonOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isPCloudError(error)) return error.reason;
    throw error;
  }
  throw new Error('the call succeeded');
}

beforeAll(async () => {
  emu = await createEmulator();
  await emu.seedFile('/Reasons/here.txt', 'here');
});
afterEach(() => emu.faults.set({}));
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await emu.close();
});

describe('error reasons over real sockets', () => {
  test('a missing file is not-found, an existing folder already-exists', async () => {
    expect(await reasonOf(client().call('stat', { path: '/Reasons/missing.txt' }))).toBe('not-found');
    expect(await reasonOf(client().call('createfolder', { path: '/Reasons' }))).toBe('already-exists');
  });

  test('a wrong token is auth; a playlist call with an OAuth token is oauth-refused', async () => {
    expect(await reasonOf(client({ accessToken: 'not-the-token-at-all-1234' }).call('userinfo'))).toBe('auth');
    expect(await reasonOf(client().call('collection_list'))).toBe('oauth-refused');
  });

  test('rate limiting is throttled, a full account quota', async () => {
    emu.faults.set({ rules: [{ methods: ['stat'], failEvery: 1, failResult: 4000 }] });
    expect(await reasonOf(client().call('stat', { path: '/Reasons/here.txt' }))).toBe('throttled');
    emu.faults.set({ rules: [{ methods: ['stat'], failEvery: 1, failResult: 2008 }] });
    expect(await reasonOf(client().call('stat', { path: '/Reasons/here.txt' }))).toBe('quota');
  });

  test('a refused connection is transport, a silent server timeout, a cancelled call aborted', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as { port: number };
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(await reasonOf(client({ endpoint: `http://127.0.0.1:${port}` }).call('userinfo'))).toBe('transport');

    emu.faults.set({ rules: [{ methods: ['userinfo'], latencyMs: 3000 }] });
    expect(await reasonOf(client({ timeout: 0.05 }).call('userinfo'))).toBe('timeout');

    const controller = new AbortController();
    const pending = client().call('userinfo', {}, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect(await reasonOf(pending)).toBe('aborted');
  });
});
