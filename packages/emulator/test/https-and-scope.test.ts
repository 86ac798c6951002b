import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { request } from 'node:https';
import { parseJson } from '@pcloud/core/internal';
import type { Emulator } from '../src/index.js';
import { api, ok, startEmulator } from './support/emulator-fixture.js';

/** GET over HTTPS trusting only the emulator's CA. */
function httpsGet(url: string, ca: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ca, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('HTTPS', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({ tls: true });
  });
  afterAll(() => emu.close());

  test('serves the API and the download host over TLS with its own CA', async () => {
    expect(emu.apiUrl.startsWith('https://127.0.0.1:')).toBe(true);
    expect(emu.ca).toContain('BEGIN CERTIFICATE');
    const fileid = await emu.seedFile('/tls.txt', 'over tls');
    const link = await httpsGet(`${emu.apiUrl}/getfilelink?fileid=${fileid}`, emu.ca!, { Authorization: `Bearer ${emu.token}` });
    const body = parseJson(link.body) as { hosts: string[]; path: string };
    const download = await httpsGet(`https://${body.hosts[0]}${body.path}`, emu.ca!);
    expect(download).toEqual({ status: 200, body: 'over tls' });
  });

  test('a client that does not trust the CA is refused', async () => {
    await expect(httpsGet(`${emu.apiUrl}/getip`, '-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n')).rejects.toThrow();
  });
});

describe('private app folder scope', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator();
  });
  afterAll(() => emu.close());
  const scoped = (method: string, params: Record<string, string | number> = {}) =>
    api(emu, method, params, { token: emu.seeded.appFolderAccessToken });

  test('the app folder is the root: / and folderid 0 map to it', async () => {
    const outside = await emu.seedFile('/secret.txt', 'secret');
    const root = await scoped('listfolder', { folderid: 0 });
    expect(root.body.metadata).toMatchObject({ folderid: 0, name: '/', path: '/', contents: [] });
    const created = (await scoped('createfolder', { path: '/Inside' })).body;
    expect(created.metadata).toMatchObject({ parentfolderid: 0, path: '/Inside' });
    const real = await ok(emu, 'listfolder', { path: '/Applications/Emulator Folder App' });
    expect(real.metadata.contents.map((c: { name: string }) => c.name)).toEqual(['Inside']);
    expect((await scoped('stat', { path: '/secret.txt' })).body.result).toBe(2055);
    expect((await scoped('stat', { fileid: outside })).body.result).toBe(2003);
    expect((await scoped('getfilelink', { fileid: outside })).body.result).toBe(2003);
  });

  test('nothing outside is reachable by id, and the scope root cannot be renamed or deleted', async () => {
    const outsideFolder = emu.seedFolder('/Elsewhere');
    expect((await scoped('listfolder', { folderid: outsideFolder })).body.result).toBe(2003);
    const inside = (await scoped('createfolder', { path: '/Mover' })).body.metadata.folderid;
    expect((await scoped('renamefolder', { folderid: inside, tofolderid: outsideFolder })).body.result).toBe(2003);
    expect((await scoped('copyfolder', { folderid: inside, tofolderid: outsideFolder })).body.result).toBe(2003);
    expect((await scoped('deletefolderrecursive', { folderid: 0 })).body.result).toBe(2007);
    expect((await scoped('renamefolder', { folderid: 0, toname: 'x' })).body.result).toBe(2042);
  });
});
