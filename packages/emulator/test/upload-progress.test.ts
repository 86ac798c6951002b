/** `uploadprogress` watching an `uploadfile` that carries a `progresshash` (pcloud-api.md §4.3). */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Emulator } from '../src/index.js';
import { api, ok, startEmulator } from './support/emulator-fixture.js';
import { multipart } from './support/multipart.js';

describe('uploadprogress', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator();
  });
  afterAll(() => emu.close());

  const progressOf = (progresshash: string) => api(emu, 'uploadprogress', { progresshash });

  test('a hash nobody uploads under answers 1900', async () => {
    expect((await progressOf('nobody-uses-this')).body).toEqual({ result: 1900, error: 'Upload not found' });
    expect((await api(emu, 'uploadprogress')).body.result).toBe(1900);
  });

  test('follows a multipart upload while it arrives, then reports it finished with the stored files', async () => {
    const { body, contentType } = multipart([
      { name: 'file', filename: 'first.txt', content: 'the first file' },
      { name: 'file', filename: 'second.bin', content: Buffer.alloc(200_000, 7) },
    ]);
    const split = body.indexOf('second.bin') + 1000;
    const { port } = new URL(emu.apiUrl);
    const socket = connect(Number(port), '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    const head = `POST /uploadfile?folderid=0&progresshash=watch-me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${emu.token}\r\nContent-Type: ${contentType}\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`;
    socket.write(Buffer.concat([Buffer.from(head), body.subarray(0, split)]));

    let during = (await progressOf('watch-me')).body;
    while (during.filenumber !== 2 || during.currentfileuploaded === 0) during = (await progressOf('watch-me')).body;
    expect(during).toMatchObject({ result: 0, total: body.length, currentfile: 'second.bin', filenumber: 2, finished: false });
    expect(during.files).toEqual([expect.objectContaining({ name: 'first.txt', size: 14 })]);
    expect(during.uploaded).toBe(14 + during.currentfileuploaded);
    expect(during.uploaded).toBeLessThan(body.length);

    socket.end(body.subarray(split));
    await closed;
    expect(answer).toContain('"result":0');
    const after = (await progressOf('watch-me')).body;
    expect(after).toMatchObject({
      result: 0,
      total: body.length,
      uploaded: body.length,
      finished: true,
      filenumber: 2,
      currentfileuploaded: 200_000,
    });
    expect(after.files.map((f: { name: string }) => f.name)).toEqual(['first.txt', 'second.bin']);
    expect(after.files[1].modified).toMatch(/ \+0000$/);
    expect((await progressOf('watch-me')).body.files[1].modified).toMatch(/ \+0000$/);
  });

  test('a raw PUT is watched too, from any token of the account', async () => {
    const response = await fetch(`${emu.apiUrl}/uploadfile?folderid=0&filename=put.txt&progresshash=put-hash`, {
      method: 'PUT',
      body: 'twelve bytes',
      headers: { Authorization: `Bearer ${emu.token}` },
    });
    expect(JSON.parse(await response.text()).result).toBe(0);
    expect((await ok(emu, 'uploadprogress', { progresshash: 'put-hash' })).files[0].name).toBe('put.txt');
    const otherToken = await api(emu, 'uploadprogress', { progresshash: 'put-hash' }, { token: emu.seeded.appFolderAccessToken });
    expect(otherToken.body.result).toBe(0);
  });
});
