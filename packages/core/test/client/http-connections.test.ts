/**
 * How the HTTP transport uses its connections, seen from the server side of real sockets: a
 * burst of calls over TLS keeps reusing its keep-alive connections (counted by a TCP relay in
 * front of the emulator), an answer that arrives mid-upload ends the call, and a reused
 * connection the server drops is retried for a safe call only.
 */
import http from 'node:http';
import net, { type AddressInfo, type Socket } from 'node:net';
import { Readable } from 'node:stream';
import { createEmulator, type Emulator } from '@pcloud/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, TransportError } from '../../src/errors.js';
import { createClient } from '../../src/client/create-client.js';
import { isTransientError } from '../../src/client/transport-errors.js';

const fast = { retries: 3, minDelayMs: 1, maxDelayMs: 2, maxElapsedMs: 5000 };
const portOf = (server: net.Server): number => (server.address() as AddressInfo).port;
const listening = async <T extends net.Server>(server: T): Promise<T> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
};
const closing = (server: net.Server): Promise<void> => new Promise((resolve) => server.close(() => resolve()));

/** Runs `count` tasks with `width` of them in flight. */
async function burst(count: number, width: number, task: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

describe('keep-alive connections over TLS', () => {
  let emu: Emulator;
  let relay: net.Server;
  const sockets = new Set<Socket>();
  let opened = 0;

  beforeAll(async () => {
    emu = await createEmulator({ tls: true });
    const target = new URL(emu.apiUrl);
    relay = await listening(
      net.createServer((inbound) => {
        opened++;
        const outbound = net.connect(Number(target.port), target.hostname);
        for (const socket of [inbound, outbound]) {
          sockets.add(socket);
          socket
            .on('error', () => undefined)
            .on('close', () => {
              inbound.destroy();
              outbound.destroy();
            });
        }
        inbound.pipe(outbound).pipe(inbound);
      }),
    );
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await closing(relay);
    await emu.close();
  });

  it('reuses its connections for a burst of calls and small uploads', async () => {
    const client = createClient({ endpoint: `https://127.0.0.1:${portOf(relay)}`, accessToken: emu.token, ca: emu.ca, retry: false });
    await client.call('createfolder', { path: '/conn' });
    const payload = Buffer.alloc(4096, 'conn');
    await burst(60, 6, (i) =>
      client.call(
        'uploadfile',
        { path: '/conn', filename: `f-${i % 10}.txt`, nopartial: true },
        { body: { kind: 'data', stream: Readable.from([payload]), length: payload.length } },
      ),
    );
    await burst(300, 6, () => client.call('stat', { path: '/conn/f-0.txt' }));
    // One connection per call in flight at most: none was dropped after an answer.
    expect(opened).toBeGreaterThan(0);
    expect(opened).toBeLessThanOrEqual(6);
    await client.close();
  });
});

describe('answers and drops on a plain server', () => {
  let server: http.Server;
  let endpoint: string;
  /** Requests seen per connection; the second request on a connection is dropped unanswered. */
  const perSocket = new WeakMap<Socket, number>();
  let requests = 0;

  beforeAll(async () => {
    server = await listening(
      http.createServer((req, res) => {
        requests++;
        if (req.url?.split('?')[0] === '/uploadfile') {
          // Refuses the upload at once, without reading its body.
          res.setHeader('content-type', 'application/json');
          return res.end('{"result":2003,"error":"Access denied."}');
        }
        const seen = (perSocket.get(req.socket) ?? 0) + 1;
        perSocket.set(req.socket, seen);
        if (seen === 2) return req.socket.destroy();
        req.resume().on('end', () => res.end('{"result":0}'));
      }),
    );
    endpoint = `http://127.0.0.1:${portOf(server)}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await closing(server);
  });

  it('ends an upload the server answered before reading it', async () => {
    const client = createClient({ endpoint, retry: false });
    // A body that would take far longer than the test to send.
    const endless = new Readable({
      read() {
        this.push(Buffer.alloc(65_536, 1));
      },
    });
    const error = await client
      .call('uploadfile', { path: '/', filename: 'big.bin' }, { body: { kind: 'data', stream: endless, length: 1 << 40 } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).result).toBe(2003);
    expect(endless.destroyed).toBe(true);
    await client.close();
  });

  it('retries a safe call whose reused connection the server dropped, and not an unsafe one', async () => {
    const lines: string[] = [];
    const client = createClient({ endpoint, retry: fast, logger: (line) => lines.push(line) });
    const before = requests;
    await client.call('userinfo');
    await expect(client.call('userinfo')).resolves.toBeDefined(); // dropped on the reused connection, then retried
    expect(requests - before).toBe(3);
    expect(lines.filter((line) => line.startsWith('userinfo retry 1/'))).toHaveLength(1);

    const unsafe = await client
      .call('deletefile', { path: '/a' })
      .then(() => client.call('deletefile', { path: '/b' }))
      .catch((e: unknown) => e);
    expect(unsafe).toBeInstanceOf(TransportError);
    expect((unsafe as Error).message).toMatch(/^deletefile: connection failed: /);
    expect(isTransientError(unsafe)).toBe(true);
    expect(lines.filter((line) => line.startsWith('deletefile retry'))).toHaveLength(0);
    await client.close();
  });
});
