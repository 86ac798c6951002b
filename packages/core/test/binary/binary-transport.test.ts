/**
 * The binary transport against the emulator's binary listeners over real sockets: TLS and plain,
 * pipelining on a small pool, streamed uploads, timeouts, aborts and dropped connections.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createEmulator, type Emulator } from '@pcloud/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type PCloudClient } from '../../src/client/create-client.js';
import type { ClientOptions } from '../../src/client/client-options.js';
import { ApiError, isPCloudError } from '../../src/errors.js';
import { uploadFile } from '../../src/files/index.js';

const TOKEN = 'KNOWN-binary-secret-token-42';

describe.each([{ tls: true }, { tls: false }])('binary transport (%o)', ({ tls }) => {
  let emu: Emulator;
  let dir: string;
  const lines: string[] = [];
  const clients: PCloudClient[] = [];
  const client = (extra: ClientOptions = {}): PCloudClient => {
    const created = createClient({
      endpoint: emu.apiUrl,
      accessToken: TOKEN,
      ca: emu.ca,
      transport: 'binary',
      // No binaryPlain: TLS follows the endpoint (https: TLS, http: plain).
      binaryPort: emu.binaryPort,
      retry: false,
      logger: (line) => lines.push(line),
      ...extra,
    });
    clients.push(created);
    return created;
  };

  beforeAll(async () => {
    emu = await createEmulator({ tls, seed: { accessToken: TOKEN } });
    dir = await mkdtemp(join(tmpdir(), 'pcloud-binary-transport-'));
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    for (const line of lines) expect(line).not.toContain(TOKEN);
    await emu.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('calls a method and turns a non-zero result into an ApiError', async () => {
    const c = client();
    expect(c.transport.kind).toBe('binary');
    expect((await c.call('userinfo')).email).toBe(emu.seeded.email);
    const error = await c.call('listfolder', { path: '/does/not/exist' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ result: 2005, method: 'listfolder' });
    expect(lines.some((line) => line.startsWith('binary userinfo'))).toBe(true);
  });

  it('speaks plain TCP on request, beside TLS', async () => {
    const c = client({ binaryPort: emu.binaryPlainPort, binaryPlain: true });
    expect((await c.call('userinfo')).email).toBe(emu.seeded.email);
  });

  it('pipelines a burst of 500 calls over at most 4 connections and matches every answer to its call', async () => {
    const c = client();
    for (let i = 0; i < 20; i++) await emu.seedFolder(`/Burst/f${i}`);
    const before = lines.filter((line) => line.startsWith('binary: connecting')).length;
    const names = Array.from({ length: 500 }, (_, i) => `f${i % 20}`);
    const answers = await Promise.all(names.map((name) => c.call('stat', { path: `/Burst/${name}` })));
    expect(answers.map((a) => a.metadata.name)).toEqual(names);
    expect(lines.filter((line) => line.startsWith('binary: connecting')).length - before).toBeLessThanOrEqual(4);
  });

  it('uploads a file as the request data, streamed, and keeps 64-bit hashes exact', async () => {
    const c = client();
    const local = join(dir, 'payload.bin');
    const content = Buffer.alloc(3 * 1024 * 1024 + 17, 'binary!');
    await writeFile(local, content);
    const folder = emu.seedFolder('/BinUploads');
    const progress: number[] = [];
    const result = await uploadFile(
      c,
      local,
      { folderid: folder, name: 'payload.bin' },
      { onProgress: (p) => progress.push(p.transferred) },
    );
    expect(result).toMatchObject({ size: content.length, via: 'uploadfile' });
    expect(progress.at(-1)).toBe(content.length);
    const stat = await c.call('stat', { path: '/BinUploads/payload.bin' });
    expect(stat.metadata.size).toBe(content.length);
    expect(typeof stat.metadata.hash).toBe('bigint');
    const overHttp = createClient({ endpoint: emu.apiUrl, accessToken: TOKEN, ca: emu.ca });
    clients.push(overHttp);
    expect((await overHttp.call('stat', { path: '/BinUploads/payload.bin' })).metadata.hash).toBe(stat.metadata.hash);
  });

  it('uploads an empty file', async () => {
    const c = client();
    const local = join(dir, 'empty.txt');
    await writeFile(local, '');
    const result = await uploadFile(c, local, { path: '/BinUploads/empty.txt' });
    expect(result.metadata).toMatchObject({ name: 'empty.txt', size: 0 });
  });

  it('fails a body shorter than announced with a LOCAL_IO_ERROR and keeps serving on a new connection', async () => {
    const c = client();
    const error = await c
      .call(
        'uploadfile',
        { path: '/BinUploads', filename: 'short.txt' },
        { body: { kind: 'data', stream: Readable.from([Buffer.from('abc')]), length: 10 } },
      )
      .catch((e: unknown) => e);
    expect(isPCloudError(error, 'LOCAL_IO_ERROR')).toBe(true);
    expect((await c.call('userinfo')).email).toBe(emu.seeded.email);
  });

  it('retries a call whose connection was dropped (mid-request or mid-answer) when it is safe to repeat, and only then', async () => {
    const c = client({ retry: { retries: 3, minDelayMs: 1, maxDelayMs: 5 } });
    emu.faults.set({ rules: [{ methods: ['listfolder'], resetRequestEvery: 2 }] });
    try {
      for (let i = 0; i < 4; i++) expect((await c.call('listfolder', { folderid: 0 })).metadata.folderid).toBe(0);
      emu.faults.set({ rules: [{ methods: ['userinfo'], resetResponseEvery: 2 }] });
      for (let i = 0; i < 4; i++) expect((await c.call('userinfo')).email).toBe(emu.seeded.email);
      emu.faults.set({ rules: [{ methods: ['createfolder'], resetRequestEvery: 1 }] });
      const dropped = await c.call('createfolder', { path: '/dropped-again' }).catch((e: unknown) => e);
      expect(dropped).toMatchObject({ code: 'TRANSPORT_ERROR', name: 'TransportError' });
      expect((dropped as Error).message).toMatch(/^createfolder: connection failed/);
    } finally {
      emu.faults.set({});
    }
  });

  it('fails every call in flight on a dropped connection with a TransportError', async () => {
    const c = client();
    await c.call('userinfo');
    emu.faults.set({ rules: [{ methods: ['stat'], resetRequestEvery: 1 }] });
    try {
      const outcomes = await Promise.all(
        Array.from({ length: 6 }, () =>
          c.call('stat', { path: '/' }).then(
            () => 'answered',
            (e: Error) => e.name,
          ),
        ),
      );
      expect(outcomes).toEqual(Array.from({ length: 6 }, () => 'TransportError'));
    } finally {
      emu.faults.set({});
    }
    expect((await c.call('userinfo')).email).toBe(emu.seeded.email);
  });

  it('times out when the server stays silent past the idle timeout, and aborts on request', async () => {
    emu.faults.set({ rules: [{ methods: ['stat'], latencyMs: 1500 }] });
    try {
      const c = client({ timeout: 0.1 });
      await expect(c.call('stat', { path: '/' })).rejects.toMatchObject({ code: 'TIMEOUT' });
      const controller = new AbortController();
      const d = client();
      const pending = d.call('stat', { path: '/' }, { signal: controller.signal });
      setTimeout(() => controller.abort(), 50);
      await expect(pending).rejects.toMatchObject({ code: 'ABORTED' });
      // The aborted call's answer is skipped; the next call gets its own answer.
      expect((await d.call('userinfo')).email).toBe(emu.seeded.email);
    } finally {
      emu.faults.set({});
    }
  });
});

describe('binary transport against a long-form server', () => {
  it('reads type-3 strings and type-15 integers exactly as the compact form', async () => {
    const emu = await createEmulator({ binaryLongForm: true });
    try {
      await emu.seedFile('/Long/form.txt', 'long form');
      const c = createClient({
        endpoint: emu.apiUrl,
        accessToken: emu.token,
        transport: 'binary',
        binaryPort: emu.binaryPort,
        retry: false,
      });
      const overHttp = createClient({ endpoint: emu.apiUrl, accessToken: emu.token, retry: false });
      const [binary, http] = await Promise.all(
        [c, overHttp].map((client) => client.call('listfolder', { path: '/Long', recursive: true })),
      );
      expect(binary).toEqual(http);
      expect(typeof binary?.metadata.contents?.[0]?.hash).toBe('bigint');
      await Promise.all([c.close(), overHttp.close()]);
    } finally {
      await emu.close();
    }
  });
});

describe('binary transport failures before any answer', () => {
  it('reports a refused connection as a retryable TransportError naming the method', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise((resolve) => server.close(resolve));
    const c = createClient({ endpoint: 'http://127.0.0.1', transport: 'binary', binaryPort: port, binaryPlain: true, retry: false });
    await expect(c.call('userinfo')).rejects.toMatchObject({
      code: 'TRANSPORT_ERROR',
      message: expect.stringMatching(/^userinfo: connection failed/),
    });
    await c.close();
  });

  it('refuses an answer that is not the binary protocol (an HTTP server on that port) instead of waiting', async () => {
    // Answers like an HTTP server would, and keeps the connection open: only the decoder can notice.
    const server = createServer((socket) => socket.once('data', () => socket.write('HTTP/1.1 400 Bad Request\r\n\r\n')));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const c = createClient({
      endpoint: 'http://127.0.0.1',
      accessToken: TOKEN,
      transport: 'binary',
      binaryPort: port,
      binaryPlain: true,
      retry: false,
    });
    const error = await c.call('userinfo').catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'TRANSPORT_ERROR',
      message: expect.stringContaining('userinfo: the server sent a malformed binary answer'),
    });
    expect((error as Error).message).not.toContain(TOKEN);
    await c.close();
    await new Promise((resolve) => server.close(resolve));
  });
});
