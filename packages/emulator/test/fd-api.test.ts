import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Agent, request } from 'node:http';
import type { Emulator } from '../src/index.js';
import { api, startEmulator } from './support/emulator-fixture.js';

let emu: Emulator;
// One socket for every call: descriptors live only on the connection that opened them.
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
beforeAll(async () => {
  emu = await startEmulator({ legacy: true });
});
afterAll(async () => {
  agent.destroy();
  await emu.close();
});

function call(method: string, params: Record<string, string | number>, body?: string): Promise<{ type: string; text: string }> {
  const query = new URLSearchParams(Object.entries({ ...params, auth: emu.seeded.authToken }).map(([k, v]) => [k, String(v)]));
  return new Promise((resolve, reject) => {
    const req = request(`${emu.apiUrl}/${method}?${query}`, { agent, method: body === undefined ? 'GET' : 'PUT' }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ type: String(res.headers['content-type']), text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
const json = async (method: string, params: Record<string, string | number>, body?: string) =>
  JSON.parse((await call(method, params, body)).text);

describe('fd API', () => {
  test('open with O_CREAT|O_WRITE, write, seek, read back, close; content lands in the file', async () => {
    const opened = await json('file_open', { flags: 0x0042, path: '/fd.txt' });
    expect(opened).toMatchObject({ result: 0, fd: 1 });
    expect(await json('file_write', { fd: opened.fd }, 'hello ')).toEqual({ result: 0, bytes: 6 });
    expect(await json('file_write', { fd: -1 }, 'world')).toEqual({ result: 0, bytes: 5 });
    expect(await json('file_size', { fd: 1 })).toEqual({ result: 0, size: 11, offset: 11 });
    expect(await json('file_seek', { fd: 1, offset: 6 })).toEqual({ result: 0, offset: 6 });
    const read = await call('file_read', { fd: 1, count: 100 });
    expect(read).toEqual({ type: 'application/octet-stream', text: 'world' });
    expect((await call('file_pread', { fd: 1, count: 4, offset: 1 })).text).toBe('ello');
    expect(await json('file_close', { fd: 1 })).toEqual({ result: 0 });
    expect(await json('file_close', { fd: 1 })).toEqual({ result: 1007, error: 'Invalid or closed file descriptor.' });
    const stat = await api(emu, 'stat', { path: '/fd.txt', auth: emu.seeded.authToken }, { token: null });
    expect(stat.body.metadata).toMatchObject({ size: 11, fileid: opened.fileid });
  });

  test('numbers are never reused, failed opens use one up; flags and count are required', async () => {
    const failed = await json('file_open', { flags: 0, path: '/missing.txt' });
    expect(failed.result).toBe(2009);
    const next = await json('file_open', { flags: 0, path: '/fd.txt' });
    expect(next.fd).toBeGreaterThan(2);
    expect((await json('file_open', { path: '/fd.txt' })).result).toBe(1006);
    expect((await json('file_read', { fd: next.fd })).result).toBe(1011);
    expect((await json('file_write', { fd: next.fd }, 'x')).result).toBe(2003);
    expect((await json('file_open', { flags: 0x00c2, path: '/fd.txt' })).result).toBe(2004);
  });

  test('OAuth tokens are refused file_open with 2003 in restriction mode', async () => {
    const restricted = await startEmulator();
    try {
      expect((await api(restricted, 'file_open', { flags: 0x42, path: '/x' })).body).toEqual({
        result: 2003,
        error: 'Access denied. You do not have permissions to preform this operation.',
      });
    } finally {
      await restricted.close();
    }
  });
});
