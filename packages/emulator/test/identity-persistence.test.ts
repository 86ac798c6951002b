import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator } from '../src/index.js';
import { apiCall, type Answer } from './support/api-call.js';

describe('tokens and collections survive a restart with a data dir', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pcloud-emulator-identity-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('keeps sessions, deletions, seeded values and collections', async () => {
    const first = await createEmulator({ legacy: true, dataDir });
    const { email, password } = first.seeded;
    const login = await apiCall(first.apiUrl, 'userinfo', { username: email, password, getauth: 1, device: 'kept' });
    const sessions = (await apiCall(first.apiUrl, 'listtokens', { auth: login.auth })).tokens as Answer[];
    const doomed = sessions.find((t) => t.device.startsWith('pCloud Drive'))!;
    await apiCall(first.apiUrl, 'deletetoken', { auth: login.auth, tokenid: doomed.tokenid });
    const track = await first.seedFile('/Music/kept.mp3', 'music');
    const created = await apiCall(first.apiUrl, 'collection_create', { auth: login.auth, name: 'Kept', fileids: String(track) });
    const seeded = { ...first.seeded };
    await first.close();

    const second = await createEmulator({ legacy: true, dataDir });
    try {
      expect(second.seeded).toEqual(seeded);
      expect(await apiCall(second.apiUrl, 'userinfo', { auth: login.auth })).toMatchObject({ result: 0 });
      expect(await apiCall(second.apiUrl, 'userinfo', { auth: second.seeded.authToken })).toMatchObject({ result: 0 });
      expect(await apiCall(second.apiUrl, 'userinfo', {}, { bearer: second.token })).toMatchObject({ result: 0 });
      const after = (await apiCall(second.apiUrl, 'listtokens', { auth: login.auth })).tokens as Answer[];
      expect(after.map((t) => t.tokenid).sort()).toEqual(
        sessions
          .filter((t) => t.tokenid !== doomed.tokenid)
          .map((t) => t.tokenid)
          .sort(),
      );
      const details = await apiCall(second.apiUrl, 'collection_details', { auth: login.auth, collectionid: created.collection.id });
      expect(details.collection).toMatchObject({ name: 'Kept', items: 1 });
      expect(details.collection.contents[0].fileid).toBe(track);
      const fresh = await apiCall(second.apiUrl, 'collection_create', { auth: login.auth, name: 'New' });
      expect(fresh.collection.id).toBeGreaterThan(created.collection.id);
    } finally {
      await second.close();
    }
  });
});
