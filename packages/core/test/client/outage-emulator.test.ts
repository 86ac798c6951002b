/**
 * A server that goes away and comes back, over real sockets: the emulator is stopped and started
 * again on the same ports and data dir while calls, listings, resumable uploads and downloads
 * are under way. Progress is followed through the client's log lines and the emulator's fault
 * counters, never through timing.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmulator, type Emulator } from '@pcloud/emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient, type PCloudClient } from '../../src/client/create-client.js';
import type { ClientOptions } from '../../src/client/client-options.js';
import { createReachability } from '../../src/client/reachability.js';
import { downloadFile } from '../../src/files/download/download-file.js';
import { uploadFile } from '../../src/files/upload/upload-file.js';
import { walkTree } from '../../src/files/walk-tree.js';
import { startTcpProxy } from '../helpers/tcp-proxy.js';

const running: Emulator[] = [];
const clients: PCloudClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  await Promise.all(running.splice(0).map((emulator) => emulator.close()));
});

/** Starts an emulator on a data dir; given a previous one, on its ports (a restart). */
async function start(dataDir: string, previous?: Emulator): Promise<Emulator> {
  const ports = previous
    ? {
        port: Number(new URL(previous.apiUrl).port),
        downloadPort: Number(previous.downloadHost.split(':')[1]),
        binaryPort: previous.binaryPort,
      }
    : {};
  const emulator = await createEmulator({ dataDir, ...ports });
  running.push(emulator);
  return emulator;
}

async function stop(emulator: Emulator): Promise<void> {
  running.splice(running.indexOf(emulator), 1);
  await emulator.close();
}

/** A client with quick retries whose log lines are kept. */
function clientOf(emulator: Emulator, options: ClientOptions = {}): { client: PCloudClient; lines: string[] } {
  const lines: string[] = [];
  const client = createClient({
    endpoint: emulator.apiUrl,
    accessToken: emulator.token,
    retry: { retries: 3, minDelayMs: 5, maxDelayMs: 50 },
    logger: (line) => void lines.push(line),
    ...options,
  });
  clients.push(client);
  return { client, lines };
}

/** Resolves once `ready()` holds, checked every 5 ms. */
async function until(ready: () => boolean): Promise<void> {
  while (!ready()) await new Promise((resolve) => setTimeout(resolve, 5));
}

const waiting = (lines: string[]): boolean => lines.some((line) => / waiting for pCloud \(connection refused\)/.test(line));
const sha1 = (data: Buffer): string => createHash('sha1').update(data).digest('hex');

describe('a server that goes away and comes back', () => {
  it.each(['http', 'binary'] as const)(
    'over %s, calls wait for it, a call never sent included, and then go through once',
    async (transport) => {
      const dataDir = await mkdtemp(join(tmpdir(), 'core-outage-'));
      const first = await start(dataDir);
      await first.seedFile('/gone/a.txt', 'a');
      const { client, lines } = clientOf(first, { transport, binaryPort: first.binaryPort, binaryPlain: true });
      await client.call('userinfo');
      await stop(first);
      // deletefile is never repeated after it was sent; a refused connection sent nothing.
      const listing = client.call('listfolder', { path: '/gone' });
      const deletion = client.call('deletefile', { path: '/gone/a.txt' });
      await until(() => lines.filter((line) => line.startsWith('deletefile retry in')).length >= 2);
      expect(client.reachability.state).toMatchObject({ kind: 'waiting', reason: 'connection refused' });
      const second = await start(dataDir, first);
      await expect(listing).resolves.toHaveProperty('metadata.name', 'gone');
      await expect(deletion).resolves.toHaveProperty('metadata.name', 'a.txt');
      expect(client.reachability.state.kind).toBe('reachable');
      expect((await client.call('listfolder', { path: '/gone' })).metadata.contents).toEqual([]);
      expect(second.faults.injected).toBe(0);
    },
  );

  it('judges the server gone when it stays away for the window, and says since when and why', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'core-outage-'));
    const first = await start(dataDir);
    const port = new URL(first.apiUrl).port;
    const { client, lines } = clientOf(first, { reachability: createReachability({ windowMs: 300 }) });
    await client.call('userinfo');
    const before = Date.now();
    await stop(first);
    await expect(client.call('listfolder', { folderid: 0 })).rejects.toMatchObject({
      code: 'TRANSPORT_ERROR',
      message: expect.stringContaining('ECONNREFUSED'),
    });
    const state = client.reachability.state;
    expect(state).toMatchObject({ kind: 'unreachable', reason: 'connection refused', detail: `connection refused by 127.0.0.1:${port}` });
    expect(state.kind === 'unreachable' && state.since).toBeGreaterThanOrEqual(before);
    // Once judged gone, a call tries once and gives up: no wait, no retry budget.
    await expect(client.call('stat', { path: '/' })).rejects.toMatchObject({ code: 'TRANSPORT_ERROR' });
    expect(lines.filter((line) => line.startsWith('stat '))).toEqual([expect.stringMatching(/^stat failed after 1 attempt\(s\)/)]);
  });

  it('fails at once, as before, when the server never answered (a wrong endpoint is no outage)', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'core-outage-'));
    const first = await start(dataDir);
    await stop(first);
    const { client, lines } = clientOf(first);
    await expect(client.call('userinfo')).rejects.toMatchObject({ message: expect.stringContaining('ECONNREFUSED') });
    expect(lines.filter((line) => / retry \d\/3 in /.test(line))).toHaveLength(3);
    expect(waiting(lines)).toBe(false);
    expect(client.reachability.state.kind).toBe('reachable');
  });

  // The emulator forgets upload sessions when it stops, so here the way to it is cut instead.
  it('a listing walk and a resumable upload wait for it and finish', async () => {
    const emulator = await start(await mkdtemp(join(tmpdir(), 'core-outage-')));
    const proxy = await startTcpProxy(Number(new URL(emulator.apiUrl).port));
    for (let i = 0; i < 5; i++) await emulator.seedFile(`/walk/d${i}/f.txt`, `${i}`);
    emulator.seedFolder('/up');
    const local = join(await mkdtemp(join(tmpdir(), 'core-outage-up-')), 'big.bin');
    const content = randomBytes(3 * 1024 * 1024 + 17);
    await writeFile(local, content);
    const { client, lines } = clientOf(emulator, { endpoint: `http://127.0.0.1:${proxy.port}` });
    try {
      await client.call('userinfo');
      // The second chunk's write is under way when the way to the server is cut.
      emulator.faults.set({ rules: [{ methods: ['upload_write'], latencyMs: 200 }] });
      const upload = uploadFile(client, local, { path: '/up/big.bin' }, { resumableThreshold: 0, chunkSize: 1024 * 1024 });
      await until(() => emulator.faults.tally.delayed >= 2);
      await proxy.cut();
      emulator.faults.set({});
      const walk = walkTree(client, { path: '/walk' });
      await until(
        () => /^upload_(write|info) retry in/m.test(lines.join('\n')) && lines.some((line) => line.startsWith('listfolder retry in')),
      );
      await proxy.restore();
      const uploaded = await upload;
      expect(uploaded).toMatchObject({ via: 'upload_save', sha1: sha1(content), size: content.length });
      expect((await client.call('checksumfile', { path: '/up/big.bin' })).sha1).toBe(sha1(content));
      expect((await walk).root.contents?.map((item) => item.name).sort()).toEqual(['d0', 'd1', 'd2', 'd3', 'd4']);
    } finally {
      await proxy.close();
    }
  });

  it('a download waits for it and finishes, leaving no partial file', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'core-outage-'));
    const first = await start(dataDir);
    const content = randomBytes(8 * 1024 * 1024);
    await first.seedFile('/down/big.bin', content);
    const { client, lines } = clientOf(first);
    await client.call('userinfo');
    // Every answer of the content host is cut halfway, so the download cannot end before the stop.
    first.faults.set({ rules: [{ methods: ['download'], resetResponseEvery: 1 }] });
    const dir = await mkdtemp(join(tmpdir(), 'core-outage-down-'));
    const download = downloadFile(client, { path: '/down/big.bin' }, join(dir, 'big.bin'));
    await until(() => first.faults.tally.responseResets >= 1);
    await stop(first);
    await until(() => lines.some((line) => line.startsWith('getfilelink retry in')));
    await start(dataDir, first);
    await expect(download).resolves.toMatchObject({ sha1: sha1(content) });
    expect(sha1(await readFile(join(dir, 'big.bin')))).toBe(sha1(content));
    expect(await readdir(dir)).toEqual(['big.bin']);
  });
});
