/**
 * The HTTP side on got, over real sockets: got's connect-phase timeout is classified as "not
 * reached" like any connection failure, the redacted debug hooks exist only with a logger and
 * name a download's host, never its path (a capability), and every retry loop keeps to the
 * policy's maxElapsedMs through the one retry budget.
 */
import net, { type AddressInfo, type Socket } from 'node:net';
import { PassThrough } from 'node:stream';
import { createEmulator, type Emulator } from '@pcloud/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type PCloudClient } from '../../src/client/create-client.js';
import { gotFor } from '../../src/client/got-instance.js';
import { createRetryBudget } from '../../src/client/retry.js';
import { unreachableReason } from '../../src/client/unreachable-reason.js';
import { TransportError } from '../../src/errors.js';
import { downloadToStream } from '../../src/files/download/download-stream.js';
import { walkTree } from '../../src/files/walk-tree.js';

describe('a TLS handshake that never completes', () => {
  let silent: net.Server;
  const sockets = new Set<Socket>();
  beforeAll(async () => {
    // Accepts TCP and says nothing: the TLS handshake never ends.
    silent = net.createServer((socket) => void sockets.add(socket.on('error', () => undefined)));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  });

  it('fails the call with a secureConnect timeout, judged as a server not reached', async () => {
    const port = (silent.address() as AddressInfo).port;
    const client = createClient({
      endpoint: `https://127.0.0.1:${port}`,
      accessToken: 'never-sent-token-1234',
      timeout: 0.2,
      retry: false,
    });
    try {
      const error = await client.call('userinfo').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TransportError);
      expect(error).toMatchObject({ code: 'TIMEOUT', message: 'userinfo: no answer in time (secureConnect timeout).' });
      expect(unreachableReason(error, `127.0.0.1:${port}`)).toEqual({
        reason: 'no connection in time',
        detail: `no connection to 127.0.0.1:${port} in time`,
      });
    } finally {
      await client.close();
    }
  });
});

describe('debug hooks and retry budgets against the emulator', () => {
  let emu: Emulator;
  const clients: PCloudClient[] = [];
  const client = (options: Parameters<typeof createClient>[0] = {}): PCloudClient => {
    const made = createClient({ endpoint: emu.apiUrl, accessToken: emu.token, ...options });
    clients.push(made);
    return made;
  };
  beforeAll(async () => {
    emu = await createEmulator();
    await emu.seedFile('/got/a.txt', 'got content');
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await emu.close();
  });

  it('adds no hook without a logger; with one, a download logs its host and not its path', async () => {
    expect((await gotFor(client().settings)).got.defaults.options.hooks.beforeRequest).toEqual([]);
    const lines: string[] = [];
    const traced = client({ logger: (line) => void lines.push(line) });
    expect((await gotFor(traced.settings)).got.defaults.options.hooks.beforeRequest).toHaveLength(1);
    const output = new PassThrough();
    const chunks: Buffer[] = [];
    output.on('data', (chunk: Buffer) => chunks.push(chunk));
    await downloadToStream(traced, { path: '/got/a.txt' }, output);
    expect(Buffer.concat(chunks).toString()).toBe('got content');
    const downloads = lines.filter((line) => line.startsWith('download GET'));
    expect(downloads).toHaveLength(1);
    expect(downloads[0]).toMatch(/^download GET [\w.-]+:\d+$/);
  });

  it('a listing retried on every answer stops at maxElapsedMs, long before its number of retries', async () => {
    emu.faults.set({ rules: [{ methods: ['listfolder'], failEvery: 1, failResult: 5000 }] });
    const before = emu.faults.injected;
    try {
      const walker = client({ retry: { retries: 1000, minDelayMs: 20, maxDelayMs: 20, maxElapsedMs: 200 } });
      const error = await walkTree(walker, { path: '/got' }).catch((e: unknown) => e);
      expect(error).toMatchObject({ result: 5000 });
      const attempts = emu.faults.injected - before;
      // Each retry waits at least 10 ms, so 200 ms hold at most 20 of them, however fast the machine.
      expect(attempts).toBeGreaterThanOrEqual(1);
      expect(attempts).toBeLessThanOrEqual(21);
    } finally {
      emu.faults.set({});
    }
  });
});

describe('the retry budget', () => {
  const policy = { retries: 3, minDelayMs: 100, maxDelayMs: 1000, maxElapsedMs: 60_000 };

  it('grants the policy number of retries with growing delays, then none', () => {
    const budget = createRetryBudget(policy);
    const delays = [budget.take(), budget.take(), budget.take()];
    expect(delays.map((d) => (d ?? 0) >= 50)).toEqual([true, true, true]);
    expect((delays[2] ?? 0) >= 200).toBe(true);
    expect(budget.take()).toBeUndefined();
    expect(budget.retries).toBe(3);
  });

  it('grants none whose delay would pass maxElapsedMs, and starts again after progress', () => {
    const budget = createRetryBudget({ ...policy, maxElapsedMs: 40 }, 10);
    expect(budget.take()).toBeUndefined();
    const roomy = createRetryBudget(policy, 1);
    expect(roomy.take()).toBeDefined();
    expect(roomy.take()).toBeUndefined();
    roomy.progressed();
    expect(roomy.retries).toBe(0);
    expect(roomy.take()).toBeDefined();
  });
});
