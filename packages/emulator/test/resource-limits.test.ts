/**
 * Limits that keep a hostile or broken client from holding the emulator's memory or descriptors:
 * idle connections are closed on every listener (API, download host, binary), and the non-file
 * parts of one multipart body share one byte budget.
 */
import { connect, type Socket } from 'node:net';
import { encodeRequest } from '@pcloud/core/binary';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Emulator } from '../src/index.js';
import { startEmulator } from './support/emulator-fixture.js';
import { multipart } from './support/multipart.js';

/** Opens a connection, writes `bytes`, and resolves with what came back once the server closes (or resets) it. */
function untilServerCloses(port: number, bytes: Buffer | string): Promise<{ received: string }> {
  return new Promise((resolve) => {
    const socket: Socket = connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    // A server that stops reading mid-body resets the connection: that is a close too.
    socket.on('error', () => undefined);
    socket.on('close', () => resolve({ received }));
    socket.write(bytes);
  });
}

const portOf = (hostPort: string): number => Number(hostPort.slice(hostPort.lastIndexOf(':') + 1));

describe('idle connections', () => {
  let emu: Emulator;
  beforeAll(async () => {
    // A short idle timeout so that the server, not the test, decides when to give up.
    emu = await startEmulator({ idleTimeoutMs: 300 });
  });
  afterAll(() => emu.close());

  test('an upload whose body stops arriving is closed without an answer', async () => {
    const head = `PUT /uploadfile?folderid=0&filename=stalled.txt HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${emu.token}\r\nContent-Length: 1000\r\n\r\n`;
    const { received } = await untilServerCloses(portOf(new URL(emu.apiUrl).host), `${head}only the first bytes`);
    expect(received).toBe('');
    const listing = await fetch(`${emu.apiUrl}/listfolder?folderid=0`, { headers: { Authorization: `Bearer ${emu.token}` } });
    expect(await listing.text()).not.toContain('stalled.txt');
  });

  test('a binary request whose data stops arriving is closed without an answer', async () => {
    const frame = encodeRequest('uploadfile', { folderid: 0, filename: 'stalled.bin', access_token: emu.token }, 1000);
    const { received } = await untilServerCloses(emu.binaryPlainPort, Buffer.concat([frame, Buffer.from('ten bytes!')]));
    expect(received).toBe('');
  });

  test('a download-host connection that never sends a request is closed', async () => {
    const { received } = await untilServerCloses(portOf(emu.downloadHost), 'GET /');
    expect(received).toBe('');
  });
});

describe('multipart parameters', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator();
  });
  afterAll(() => emu.close());

  const send = (parts: Parameters<typeof multipart>[0]) => {
    const { body, contentType } = multipart(parts);
    const head = `POST /uploadfile?folderid=0 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${emu.token}\r\nContent-Type: ${contentType}\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`;
    return untilServerCloses(portOf(new URL(emu.apiUrl).host), Buffer.concat([Buffer.from(head), body]));
  };
  const MiB = 1024 * 1024;

  test('fields of one request together may not exceed 4 MiB: more closes the connection', async () => {
    const fields = [1, 2, 3].map((n) => ({ name: `pad${n}`, value: 'x'.repeat(2 * MiB) }));
    const { received } = await send([...fields, { name: 'file', filename: 'big-fields.txt', content: 'content' }]);
    expect(received).toBe('');
  });

  test('many small empty fields count their headers against the same budget', async () => {
    const fields = Array.from({ length: 20_000 }, (_, n) => ({
      name: `field-with-a-rather-long-name-number-${n}`.padEnd(200, '-'),
      value: '',
    }));
    const { received } = await send([...fields, { name: 'file', filename: 'many-fields.txt', content: 'content' }]);
    expect(received).toBe('');
  });

  test('fields within the budget still work', async () => {
    const { received } = await send([
      { name: 'pad', value: 'x'.repeat(3 * MiB) },
      { name: 'file', filename: 'fits.txt', content: 'content' },
    ]);
    expect(received).toMatch(/^HTTP\/1\.1 200 /);
    expect(received).toContain('"name":"fits.txt"');
  });
});
