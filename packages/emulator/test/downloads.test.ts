import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Emulator } from '../src/index.js';
import { api, ok, startEmulator } from './support/emulator-fixture.js';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());

const content = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));

async function linkOf(params: Record<string, string | number>): Promise<{ url: string; body: Record<string, any> }> {
  const body = await ok(emu, 'getfilelink', params);
  return { url: `http://${body.hosts[0]}${body.path}`, body };
}

describe('getfilelink', () => {
  test('names the emulator download host, a fresh percent-encoded path each call, size, hash, expiry', async () => {
    const fileid = await emu.seedFile('/DL/My picture & more.jpg', content);
    const first = await linkOf({ fileid });
    const second = await linkOf({ path: '/DL/My picture & more.jpg' });
    expect(first.body.hosts).toEqual([emu.downloadHost]);
    expect(first.body.path).not.toBe(second.body.path);
    expect(first.body.path).toMatch(/\/My%20picture%20%26%20more\.jpg$/);
    expect(first.body).toMatchObject({ size: 1000, hash: (await ok(emu, 'stat', { fileid })).metadata.hash });
    expect(typeof first.body.dwltag).toBe('string');
    expect(Date.parse(first.body.expires) - Date.now()).toBeGreaterThan(3600_000);
    expect((await api(emu, 'getfilelink', { fileid: 5 })).body.result).toBe(2009);
    expect((await api(emu, 'getfilelink', { fileid, contenttype: 'not a type' })).body.result).toBe(1005);
  });
});

describe('download host', () => {
  test('GET streams the content with length and type; a Bearer header is harmless', async () => {
    await emu.seedFile('/DL/data.bin', content);
    const { url } = await linkOf({ path: '/DL/data.bin' });
    const response = await fetch(url, { headers: { Authorization: `Bearer ${emu.token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe('1000');
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
    expect(Buffer.from(await response.arrayBuffer()).equals(content)).toBe(true);
  });

  test('HEAD gives the length without a body; forcedownload and contenttype choose the type', async () => {
    await emu.seedFile('/DL/song.mp3', content);
    const head = await fetch((await linkOf({ path: '/DL/song.mp3' })).url, { method: 'HEAD' });
    expect(head.headers.get('content-type')).toBe('audio/mpeg');
    expect(head.headers.get('content-length')).toBe('1000');
    const forced = await fetch((await linkOf({ path: '/DL/song.mp3', forcedownload: 1 })).url, { method: 'HEAD' });
    expect(forced.headers.get('content-type')).toBe('application/octet-stream');
    const chosen = await fetch((await linkOf({ path: '/DL/song.mp3', contenttype: 'text/plain' })).url, { method: 'HEAD' });
    expect(chosen.headers.get('content-type')).toBe('text/plain');
  });

  test('Range requests answer 206 with Content-Range; unsatisfiable ones 416', async () => {
    await emu.seedFile('/DL/range.bin', content);
    const { url } = await linkOf({ path: '/DL/range.bin' });
    const middle = await fetch(url, { headers: { Range: 'bytes=10-19' } });
    expect(middle.status).toBe(206);
    expect(middle.headers.get('content-range')).toBe('bytes 10-19/1000');
    expect(Buffer.from(await middle.arrayBuffer()).equals(content.subarray(10, 20))).toBe(true);
    const tail = await fetch(url, { headers: { Range: 'bytes=-5' } });
    expect(Buffer.from(await tail.arrayBuffer()).equals(content.subarray(995))).toBe(true);
    const open = await fetch(url, { headers: { Range: 'bytes=990-' } });
    expect((await open.arrayBuffer()).byteLength).toBe(10);
    expect((await fetch(url, { headers: { Range: 'bytes=5000-' } })).status).toBe(416);
  });

  test('content larger than the send buffers arrives whole, also from a Range in the middle; a client hanging up mid-file does not stall the host', async () => {
    // Above the memory store's 8 MiB, so the bytes come from its disk spill, in many reused pieces.
    const big = randomBytes(9 * 1024 * 1024 + 3);
    await emu.seedFile('/DL/big.bin', big);
    const { url } = await linkOf({ path: '/DL/big.bin' });
    expect(Buffer.from(await (await fetch(url)).arrayBuffer()).equals(big)).toBe(true);
    const from = 300_001;
    const middle = await fetch(url, { headers: { Range: `bytes=${from}-${big.length - 2}` } });
    expect(middle.status).toBe(206);
    expect(Buffer.from(await middle.arrayBuffer()).equals(big.subarray(from, big.length - 1))).toBe(true);
    const quitter = new AbortController();
    const cut = await fetch(url, { signal: quitter.signal });
    await cut.body?.getReader().read();
    quitter.abort();
    const small = await fetch((await linkOf({ path: '/DL/range.bin' })).url);
    expect(Buffer.from(await small.arrayBuffer()).equals(content)).toBe(true);
  });

  test('unknown links 404, expired links 401, empty files 200 with no bytes', async () => {
    expect((await fetch(`http://${emu.downloadHost}/nope/file.txt`)).status).toBe(404);
    await emu.seedFile('/DL/empty.txt', '');
    const empty = await fetch((await linkOf({ path: '/DL/empty.txt' })).url);
    expect(empty.status).toBe(200);
    expect((await empty.arrayBuffer()).byteLength).toBe(0);
    emu.faults.set({ expireLinks: true });
    try {
      const { url } = await linkOf({ path: '/DL/empty.txt' });
      expect((await fetch(url)).status).toBe(401);
    } finally {
      emu.faults.set({});
    }
  });

  test('a link follows the file: after an overwrite it serves the new content; after deletion 404', async () => {
    const fileid = await emu.seedFile('/DL/changing.txt', 'old');
    const { url } = await linkOf({ fileid });
    await fetch(`${emu.apiUrl}/uploadfile?path=/DL&filename=changing.txt`, {
      method: 'PUT',
      body: 'new!',
      headers: { Authorization: `Bearer ${emu.token}` },
    });
    expect(await (await fetch(url)).text()).toBe('new!');
    await ok(emu, 'deletefile', { fileid });
    expect((await fetch(url)).status).toBe(404);
  });
});
