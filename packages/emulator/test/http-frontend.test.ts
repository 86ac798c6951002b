import { afterAll, beforeAll, describe, expect, test } from 'vitest';
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

const get = (path: string, headers = ''): string => `GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n${headers}\r\n`;

describe('envelope', () => {
  test('answers are JSON with pCloud headers; errors are HTTP 200 with X-Error', async () => {
    const good = await api(emu, 'listfolder', { folderid: 0 });
    expect(good.status).toBe(200);
    expect(good.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(good.headers.get('x-error')).toBeNull();
    const bad = await api(emu, 'listfolder', { folderid: 31337 });
    expect(bad.status).toBe(200);
    expect(bad.headers.get('x-error')).toBe('2005');
    expect(bad.body).toEqual({ result: 2005, error: 'Directory does not exist.' });
  });

  test('id is echoed, timeformat=timestamp turns every date into seconds', async () => {
    const answer = await ok(emu, 'stat', { path: '/', id: '139-0', timeformat: 'timestamp' });
    expect(answer.id).toBe('139-0');
    expect(typeof answer.metadata.created).toBe('number');
    const fileid = await emu.seedFile('/ts.txt', 't', 1627121472);
    expect((await ok(emu, 'stat', { fileid, timeformat: 'timestamp' })).metadata.modified).toBe(1627121472);
    expect((await api(emu, 'stat', { fileid: 1, id: 'e1' })).body).toMatchObject({ result: 2055, id: 'e1' });
  });

  test('an unknown method closes the connection without an answer', async () => {
    const { data, closedByServer } = await rawExchange(host, get('/nosuchmethod?x=1'));
    expect(data).toBe('');
    expect(closedByServer).toBe(true);
    expect((await ok(emu, 'getapiserver')).api).toEqual([host]);
  });

  test('keep-alive: two requests on one connection get two answers in order', async () => {
    const { data, closedByServer } = await rawExchange(host, get('/getip?id=first') + get('/getip?id=second'));
    expect(closedByServer).toBe(false);
    expect(data.match(/"id":"(\w+)"/g)).toEqual(['"id":"first"', '"id":"second"']);
  });

  test('filtermeta limits metadata fields and sticks to the connection', async () => {
    const auth = `Authorization: Bearer ${emu.token}\r\n`;
    const { data } = await rawExchange(
      host,
      get('/listfolder?folderid=0&filtermeta=name,isfolder', auth) + get('/stat?path=/', auth) + get('/stat?path=/&filtermeta=0', auth),
    );
    const bodies = data
      .split('\r\n\r\n')
      .filter((part) => part.startsWith('{'))
      .map((part) => JSON.parse(part.slice(0, part.lastIndexOf('}') + 1)));
    expect(Object.keys(bodies[0].metadata).sort()).toEqual(['contents', 'isfolder', 'name']);
    expect(Object.keys(bodies[1].metadata).sort()).toEqual(['isfolder', 'name']);
    expect(bodies[2].metadata.folderid).toBe(0);
  });
});

describe('credentials', () => {
  test('access_token parameter, Bearer header, and their failures', async () => {
    expect((await api(emu, 'stat', { path: '/', access_token: emu.token }, { token: null })).body.result).toBe(0);
    expect((await api(emu, 'stat', { path: '/' }, { token: null })).body).toEqual({ result: 1000, error: 'Log in required.' });
    expect((await api(emu, 'stat', { path: '/' }, { token: 'wrong' })).body).toEqual({
      result: 2094,
      error: "Invalid 'access_token' provided.",
    });
    expect((await api(emu, 'stat', { path: '/' }, { token: emu.seeded.foreignRegionToken })).body.result).toBe(2094);
  });

  test('auth tokens are refused in restriction mode (2000) and work in legacy mode, also as a cookie', async () => {
    expect((await api(emu, 'stat', { path: '/', auth: emu.seeded.authToken }, { token: null })).body).toEqual({
      result: 2000,
      error: 'Log in failed.',
    });
    const legacy = await startEmulator({ legacy: true });
    try {
      expect((await api(legacy, 'stat', { path: '/', auth: legacy.seeded.authToken }, { token: null })).body.result).toBe(0);
      const cookie = await api(
        legacy,
        'stat',
        { path: '/' },
        { token: null, request: { headers: { Cookie: `auth=${legacy.seeded.authToken}` } } },
      );
      expect(cookie.body.result).toBe(0);
    } finally {
      await legacy.close();
    }
  });

  test('with stickyAuth a connection that logged in stays logged in for requests without credentials', async () => {
    const sticky = await startEmulator({ stickyAuth: true });
    try {
      const stickyHost = new URL(sticky.apiUrl).host;
      const { data } = await rawExchange(
        stickyHost,
        get('/stat?path=/', `Authorization: Bearer ${sticky.token}\r\n`) + get('/stat?path=/'),
      );
      expect(data.match(/"result":\d+/g)).toEqual(['"result":0', '"result":0']);
      const fresh = await rawExchange(stickyHost, get('/stat?path=/'));
      expect(fresh.data).toContain('"result":1000');
    } finally {
      await sticky.close();
    }
    const notSticky = await rawExchange(host, get('/stat?path=/', `Authorization: Bearer ${emu.token}\r\n`) + get('/stat?path=/'));
    expect(notSticky.data.match(/"result":\d+/g)).toEqual(['"result":0', '"result":1000']);
  });

  test('methods without auth answer without credentials', async () => {
    const server = await api(emu, 'currentserver', {}, { token: null });
    expect(server.body).toMatchObject({ result: 0, hostname: host });
    expect((await api(emu, 'getip', {}, { token: null })).body).toMatchObject({ result: 0, ip: '127.0.0.1', country: false });
  });
});

describe('parameters', () => {
  test('POST urlencoded and multipart fields are parameters too', async () => {
    const form = await fetch(`${emu.apiUrl}/createfolder`, {
      method: 'POST',
      body: new URLSearchParams({ path: '/Posted & Co', access_token: emu.token }),
    });
    expect(JSON.parse(await form.text()).metadata.name).toBe('Posted & Co');
    const data = new FormData();
    data.set('folderid', '0');
    data.set('name', 'Multipart field');
    const multi = await fetch(`${emu.apiUrl}/createfolder`, {
      method: 'POST',
      body: data,
      headers: { Authorization: `Bearer ${emu.token}` },
    });
    expect(JSON.parse(await multi.text()).metadata.name).toBe('Multipart field');
  });

  test('flags are off for 0/false and on for 1/true; hex numbers are read', async () => {
    const folderid = emu.seedFolder('/Flags/sub');
    const parent = (await ok(emu, 'stat', { path: '/Flags' })).metadata.folderid;
    expect((await ok(emu, 'listfolder', { folderid: parent, recursive: 'false' })).metadata.contents[0].contents).toBeUndefined();
    expect((await ok(emu, 'listfolder', { folderid: parent, recursive: 'true' })).metadata.contents[0].contents).toEqual([]);
    expect((await ok(emu, 'listfolder', { folderid: `0x${folderid.toString(16)}` })).metadata.folderid).toBe(folderid);
  });
});
