import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { connect } from 'node:net';
import type { Emulator } from '../src/index.js';
import { api, ok, startEmulator } from './support/emulator-fixture.js';
import { rawExchange } from './support/raw-http.js';

let emu: Emulator;
let host: string;
beforeAll(async () => {
  emu = await startEmulator();
  host = new URL(emu.apiUrl).host;
});
afterAll(() => emu.close());

const still = async (): Promise<void> => {
  expect((await ok(emu, 'stat', { path: '/' })).metadata.folderid).toBe(0);
};

/** Sends a request, then half-closes: the server sees the body end early. */
function truncated(request: string): Promise<string> {
  const port = Number(host.split(':')[1]);
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(request));
    let data = '';
    socket.on('data', (chunk) => (data += chunk.toString()));
    socket.on('close', () => resolve(data));
    socket.on('error', () => resolve(data));
  });
}

describe('bad input', () => {
  test('garbage and malformed request lines close the connection', async () => {
    for (const garbage of [
      '\x00\x01\x02garbage\r\n\r\n',
      'GET\r\n\r\n',
      'NOTHTTP / FOO/9\r\n\r\n',
      `GET /stat?${'x'.repeat(100_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
    ]) {
      const { data, closedByServer } = await rawExchange(host, garbage);
      expect(data.includes('"result"')).toBe(false);
      expect(closedByServer).toBe(true);
    }
    await still();
  });

  test('unknown and empty method names close the connection', async () => {
    for (const path of ['/', '/..%2F..%2Fetc%2Fpasswd', '/%FF%FE', '/stat/extra']) {
      const { closedByServer } = await rawExchange(host, `GET ${path} HTTP/1.1\r\nHost: x\r\n\r\n`);
      expect(closedByServer).toBe(true);
    }
    await still();
  });

  test('invalid UTF-8 in a name answers 2001', async () => {
    const response = await fetch(`${emu.apiUrl}/createfolder?folderid=0&name=bad%FF%FEname`, {
      headers: { Authorization: `Bearer ${emu.token}` },
    });
    expect(JSON.parse(await response.text()).result).toBe(2001);
    const put = await fetch(`${emu.apiUrl}/uploadfile?folderid=0&filename=%C3%28.txt`, {
      method: 'PUT',
      body: 'x',
      headers: { Authorization: `Bearer ${emu.token}` },
    });
    expect(JSON.parse(await put.text()).result).toBe(2001);
    expect((await ok(emu, 'listfolder', { folderid: 0 })).metadata.contents).toEqual([]);
  });

  test('invalid UTF-8 in a multipart file name answers 2001', async () => {
    const boundary = 'b0und';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="f"; filename="`),
      Buffer.from([0x61, 0xff, 0x62]),
      Buffer.from(`"\r\n\r\ndata\r\n--${boundary}--\r\n`),
    ]);
    const response = await fetch(`${emu.apiUrl}/uploadfile?folderid=0`, {
      method: 'POST',
      body,
      headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}`, Authorization: `Bearer ${emu.token}` },
    });
    expect(JSON.parse(await response.text()).result).toBe(2001);
  });

  test('oversized names answer 2001 everywhere', async () => {
    const long = 'n'.repeat(2000);
    expect((await api(emu, 'createfolder', { folderid: 0, name: long })).body.result).toBe(2001);
    const fileid = await emu.seedFile('/short.txt', 's');
    expect((await api(emu, 'renamefile', { fileid, toname: long })).body.result).toBe(2001);
    expect((await api(emu, 'copyfile', { fileid, tofolderid: 0, toname: long })).body.result).toBe(2001);
  });

  test('a truncated multipart body creates nothing and the server keeps serving', async () => {
    const boundary = 'trunc';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="f"; filename="partial.bin"\r\n\r\n${'p'.repeat(5000)}`;
    const request =
      `POST /uploadfile?folderid=0 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${emu.token}\r\n` +
      `Content-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: 100000\r\n\r\n${head}`;
    await truncated(request);
    expect((await api(emu, 'stat', { path: '/partial.bin' })).body.result).toBe(2055);
    await still();
  });

  test('a truncated PUT body creates nothing', async () => {
    await truncated(
      `PUT /uploadfile?folderid=0&filename=cut.bin HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${emu.token}\r\nContent-Length: 50000\r\n\r\n${'c'.repeat(100)}`,
    );
    expect((await api(emu, 'stat', { path: '/cut.bin' })).body.result).toBe(2055);
    await still();
  });

  test('multipart without a boundary, or broken framing, closes the connection', async () => {
    const { closedByServer } = await rawExchange(
      host,
      `POST /uploadfile?folderid=0 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${emu.token}\r\nContent-Type: multipart/form-data\r\nContent-Length: 4\r\n\r\nabcd`,
    );
    expect(closedByServer).toBe(true);
    const chunked = await rawExchange(
      host,
      `POST /stat HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\nzz\r\n`,
    );
    expect(chunked.closedByServer).toBe(true);
    await still();
  });

  test('non-numeric ids and negative offsets are refused, not crashed on', async () => {
    expect((await api(emu, 'listfolder', { folderid: 'abc' })).body.result).toBe(1017);
    expect((await api(emu, 'stat', { fileid: '-5' })).body.result).toBe(2055);
    expect((await api(emu, 'getfilelink', { fileid: 'zz' })).body.result).toBe(1018);
    expect((await api(emu, 'copyfolder', { folderid: 0, topath: '/' })).body.result).toBe(2206);
  });
});
