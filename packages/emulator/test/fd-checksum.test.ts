/** `file_checksum` as rclone's resumable writer calls it: PUT, parameters in the query, one keep-alive connection. */
import { createHash } from 'node:crypto';
import { Agent, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Emulator } from '../src/index.js';
import { startEmulator } from './support/emulator-fixture.js';

let emu: Emulator;
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
beforeAll(async () => {
  emu = await startEmulator({ legacy: true });
});
afterAll(async () => {
  agent.destroy();
  await emu.close();
});

function put(method: string, params: Record<string, string | number>, body = ''): Promise<Record<string, any>> {
  const query = new URLSearchParams(Object.entries({ ...params, auth: emu.seeded.authToken }).map(([k, v]) => [k, String(v)]));
  return new Promise((resolve, reject) => {
    const req = request(
      `${emu.apiUrl}/${method}?${query}`,
      { agent, method: 'PUT', headers: { 'Content-Length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve(JSON.parse(text) as Record<string, any>));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
const digest = (kind: string, text: string): string => createHash(kind).update(text).digest('hex');

describe('file_checksum', () => {
  test('sha1 and sha256 (EU) of a range of an open file, and its size, shortened at the end', async () => {
    const folderid = emu.seedFolder('/rclone');
    const opened = await put('file_open', { name: 'chunked.bin', folderid, flags: '0x0042' });
    expect(opened).toMatchObject({ result: 0, fd: 1 });
    expect(await put('file_pwrite', { fd: 1, offset: 0 }, 'first chunk|second chunk')).toEqual({ result: 0, bytes: 24 });
    expect(await put('file_checksum', { fd: 1, offset: 0, count: 12 })).toEqual({
      result: 0,
      sha1: digest('sha1', 'first chunk|'),
      sha256: digest('sha256', 'first chunk|'),
      size: 12,
    });
    expect(await put('file_checksum', { fd: 1, offset: 12, count: 100 })).toEqual({
      result: 0,
      sha1: digest('sha1', 'second chunk'),
      sha256: digest('sha256', 'second chunk'),
      size: 12,
    });
    expect(await put('file_checksum', { fd: 1, offset: 50, count: 10 })).toMatchObject({ result: 0, sha1: digest('sha1', ''), size: 0 });
    expect((await put('file_checksum', { fd: 1, offset: 0 })).result).toBe(1011);
    expect((await put('file_checksum', { fd: 9, offset: 0, count: 1 })).result).toBe(1007);
    expect(await put('file_close', { fd: 1 })).toEqual({ result: 0 });
  });
});
