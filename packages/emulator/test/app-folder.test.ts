import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../src/index.js';
import { FOLDER_APP } from '../src/state/identity-seed.js';
import { apiCall, type Answer } from './support/api-call.js';

const APP_ROOT = `/Applications/${FOLDER_APP.name}`;

describe('private app folder scope (pcloud-api.md §7.5)', () => {
  let emu: Emulator;
  let app: (method: string, params?: Record<string, string | number>) => Promise<Answer>;
  let full: (method: string, params?: Record<string, string | number>) => Promise<Answer>;
  let secretFileId: number;
  let secretFolderId: number;

  beforeAll(async () => {
    emu = await createEmulator({ legacy: true });
    app = (method, params = {}) => apiCall(emu.apiUrl, method, params, { bearer: emu.seeded.appFolderAccessToken });
    full = (method, params = {}) => apiCall(emu.apiUrl, method, params, { bearer: emu.token });
    secretFileId = await emu.seedFile('/Secret/diary.mp3', 'private');
    secretFolderId = emu.seedFolder('/Secret');
  });
  afterAll(() => emu.close());

  it('sees its folder as the root: name "/", folderid 0, empty at first', async () => {
    const root = await app('listfolder', { folderid: 0 });
    expect(root.result).toBe(0);
    expect(root.metadata).toMatchObject({ folderid: 0, id: 'd0', name: '/', isfolder: true, contents: [] });
  });

  it('creates inside /Applications/<AppName> of the account', async () => {
    expect(await app('createfolder', { path: '/Work' })).toMatchObject({ result: 0, metadata: { name: 'Work' } });
    const seen = await full('listfolder', { path: APP_ROOT });
    expect(seen.metadata.contents.map((c: Answer) => c.name)).toEqual(['Work']);
    const byApp = await app('stat', { path: '/Work' });
    expect(byApp.metadata.parentfolderid).toBe(0);
  });

  it('cannot reach anything outside its folder, by id or by path', async () => {
    expect(await app('listfolder', { folderid: secretFolderId })).toMatchObject({ result: 2003 });
    expect(await app('stat', { fileid: secretFileId })).toMatchObject({ result: 2003 });
    expect(await app('getfilelink', { fileid: secretFileId })).toMatchObject({ result: 2003 });
    expect((await app('stat', { path: '/Secret/diary.mp3' })).result).not.toBe(0);
    expect((await app('stat', { path: '/../Secret/diary.mp3' })).result).not.toBe(0);
    expect((await app('deletefile', { fileid: secretFileId })).result).not.toBe(0);
    expect(await full('stat', { fileid: secretFileId })).toMatchObject({ result: 0 });
  });

  it('cannot put files from outside its folder into a collection (legacy mode)', async () => {
    const inside = await emu.seedFile(`${APP_ROOT}/song.mp3`, 'la la');
    const created = await app('collection_create', { name: 'App playlist', fileids: `${inside},${secretFileId}` });
    expect(created.linkresult.map((r: Answer) => [r.fileid, r.result])).toEqual([
      [String(inside), 0],
      [String(secretFileId), 2009],
    ]);
    // The whole-account token links the secret file; the app still does not see it in the details.
    await full('collection_linkfiles', { collectionid: created.collection.id, fileids: String(secretFileId) });
    const details = await app('collection_details', { collectionid: created.collection.id });
    expect(details.collection.contents.map((f: Answer) => f.fileid)).toEqual([inside]);
    expect(details.collection.contents[0].parentfolderid).toBe(0);
  });

  it('a token from the code flow of the folder app gets the same scope', async () => {
    const form = new URLSearchParams({ client_id: FOLDER_APP.clientId, response_type: 'code', decision: 'allow' });
    const html = await (await fetch(`${emu.apiUrl}/oauth2/authorize`, { method: 'POST', body: form })).text();
    const code = /<code id="code">([^<]+)<\/code>/.exec(html)![1]!;
    const token = await apiCall(emu.apiUrl, 'oauth2_token', {
      client_id: FOLDER_APP.clientId,
      client_secret: FOLDER_APP.clientSecret,
      code,
    });
    const root = await apiCall(emu.apiUrl, 'listfolder', { folderid: 0 }, { bearer: token.access_token });
    expect(root.metadata).toMatchObject({ folderid: 0, name: '/' });
    expect(root.metadata.contents.map((c: Answer) => c.name)).toContain('Work');
    expect(root.metadata.contents.map((c: Answer) => c.name)).not.toContain('Secret');
  });

  it('says on the consent page which folder the app gets', async () => {
    const html = await (await fetch(`${emu.apiUrl}/oauth2/authorize?client_id=${FOLDER_APP.clientId}&response_type=code`)).text();
    expect(html).toContain(`<strong>${APP_ROOT}</strong>`);
  });
});
