import net from 'node:net';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { encodeRequest } from '@pcloud/core/binary';
import { createDispatcher } from '../../src/api/dispatcher.js';
import { createMethodTable } from '../../src/api/method-table.js';
import type { MethodSpec } from '../../src/api/types.js';
import { startBinaryListeners, type BinaryListeners } from '../../src/binary/index.js';
import { createEmulator, type Emulator } from '../../src/index.js';
import { RawBinaryClient } from './raw-binary-client.js';

let emu: Emulator;
beforeAll(async () => {
  emu = await createEmulator({ tls: true });
});
afterAll(() => emu.close());

describe('binary listener over TLS', () => {
  test('binaryPort is the TLS listener and binaryPlainPort the plain one when TLS is on', async () => {
    expect(emu.binaryPort).not.toBe(emu.binaryPlainPort);
    for (const client of [await RawBinaryClient.connect(emu.binaryPort, emu.ca), await RawBinaryClient.connect(emu.binaryPlainPort)]) {
      client.write(encodeRequest('userinfo', { access_token: emu.token }));
      const [answer] = await client.waitAnswers(1);
      expect(answer?.value).toMatchObject({ result: 0, email: emu.seeded.email });
      client.close();
    }
  });

  test('a plain client on the TLS port gets no answer and the server keeps serving', async () => {
    const client = await RawBinaryClient.connect(emu.binaryPort);
    client.write(encodeRequest('userinfo', { access_token: emu.token }));
    await client.waitClosed();
    expect(client.answers).toEqual([]);
    const good = await RawBinaryClient.connect(emu.binaryPort, emu.ca);
    good.write(encodeRequest('userinfo', { access_token: emu.token }));
    expect((await good.waitAnswers(1))[0]?.value.result).toBe(0);
    good.close();
  });

  test('close() drops connections that never finished their TLS handshake (binary and HTTPS ports) instead of waiting for them', async () => {
    const other = await createEmulator({ tls: true });
    const ports = [other.binaryPort, Number(new URL(other.apiUrl).port)];
    const silent = ports.map((port) => net.connect(port, '127.0.0.1'));
    await Promise.all(silent.map((socket) => new Promise<void>((resolve) => socket.once('connect', resolve))));
    const hungUp = silent.map((socket) => new Promise<void>((resolve) => socket.once('close', () => resolve())));
    for (const socket of silent) socket.on('error', () => {});
    // Without tracking raw connections, close() waits until these clients go away by themselves.
    await other.close();
    await Promise.all(hungUp);
    expect(silent.map((socket) => socket.destroyed)).toEqual([true, true]);
  });
});

describe('binary listener: answers that carry data, and the long form', () => {
  let listeners: BinaryListeners;
  const payload = Buffer.alloc(300_000, 'pcloud ');
  // A file_read-style method: the answer announces `data`, the bytes follow it.
  const readMethod: MethodSpec = {
    name: 'file_read',
    auth: 'required',
    handler: (ctx) => {
      const count = Number(ctx.params.get('count'));
      return { body: {}, data: { stream: Readable.from([payload.subarray(0, count)]), length: count } };
    },
  };

  beforeAll(async () => {
    const table = createMethodTable();
    table.set(readMethod.name, readMethod);
    listeners = await startBinaryListeners({ dispatcher: createDispatcher(emu.state, table), longForm: true });
  });
  afterAll(() => listeners.close());

  test('sends the data after the answer, and the next answer after the data', async () => {
    const client = await RawBinaryClient.connect(listeners.plainPort);
    client.write(
      encodeRequest('file_read', { count: payload.length, access_token: emu.token }),
      encodeRequest('file_read', { count: 5, access_token: emu.token }),
      encodeRequest('userinfo', { access_token: emu.token }),
    );
    await client.waitFor(() => client.answers.length === 3);
    expect(client.answers.map((a) => a.value.result)).toEqual([0, 0, 0]);
    expect(client.answers[0]!.data.equals(payload)).toBe(true);
    expect(client.answers[1]!.data.toString()).toBe('pclou');
    expect(client.answers[2]!.data.length).toBe(0);
    client.close();
  });

  test('answers in the long form when asked: type-3 strings and type-15 integers', async () => {
    const socket = net.connect(listeners.plainPort, '127.0.0.1');
    socket.write(encodeRequest('userinfo', {}));
    const [chunk] = (await new Promise((resolve) => socket.once('data', (data) => resolve([data])))) as Buffer[];
    socket.destroy();
    // {"result": 1000, "error": …}: hash, type-3 "result", type-15 1000, then type-3 "error".
    const expected = ['10', '03', '06000000', Buffer.from('result').toString('hex'), '0f', 'e803000000000000', '03', '05000000'].join('');
    expect(chunk!.subarray(4, 4 + expected.length / 2).toString('hex')).toBe(expected);
  });
});
