/**
 * Collection and token/account helpers against the emulator: in legacy mode with a legacy
 * `auth` token (everything allowed), and in pCloud's 2026 mode where OAuth tokens are refused.
 */
import { createEmulator, type Emulator } from '@pcloud/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCollection,
  deleteCollection,
  getCollection,
  linkCollectionFiles,
  listCollections,
  moveCollectionItem,
  renameCollection,
  unlinkCollectionFiles,
} from '../../src/api/collections.js';
import { deleteToken, getUserInfo, listTokens, logout } from '../../src/api/account.js';
import { createClient, type PCloudClient } from '../../src/client/create-client.js';

describe('in legacy mode with an auth token', () => {
  let emu: Emulator;
  let client: PCloudClient;
  const tracks: number[] = [];

  beforeAll(async () => {
    emu = await createEmulator({ legacy: true });
    for (let i = 1; i <= 7; i++) tracks.push(await emu.seedFile(`/Music/track-${i}.mp3`, `audio ${i}`));
    client = createClient({ endpoint: emu.apiUrl, auth: emu.seeded.authToken });
  });
  afterAll(async () => {
    await client.close();
    await emu.close();
  });

  it('creates a playlist with the first chunk and links the rest in order', async () => {
    const { collection, linkresult } = await createCollection(client, 'Road trip', { fileIds: tracks, chunkSize: 3 });
    expect(collection).toMatchObject({ name: 'Road trip', type: 'audio', items: 7 });
    expect(linkresult.map((entry) => Number(entry.fileid))).toEqual(tracks);
    expect(linkresult.every((entry) => entry.result === 0)).toBe(true);
    const details = await getCollection(client, collection.id);
    expect(details.contents?.map((file) => file.fileid)).toEqual(tracks);
    expect(details.contents?.[0]?.position).toBe(1);
  });

  it('lists, renames, moves, unlinks and deletes', async () => {
    const [road] = (await listCollections(client, { type: 1 })).filter((c) => c.name === 'Road trip');
    expect(road).toBeDefined();
    const id = road!.id;
    await expect(renameCollection(client, id, 'Long road')).resolves.toMatchObject({ id, name: 'Long road' });
    await moveCollectionItem(client, id, 1, 7);
    let order = (await getCollection(client, id)).contents?.map((file) => file.fileid);
    expect(order).toEqual([...tracks.slice(1), tracks[0]]);
    await unlinkCollectionFiles(client, id, { positions: [1, 2] });
    await unlinkCollectionFiles(client, id, { fileIds: [tracks[0]!] });
    order = (await getCollection(client, id)).contents?.map((file) => file.fileid);
    expect(order).toEqual(tracks.slice(3));
    const linked = await linkCollectionFiles(client, id, [tracks[1]!, 999_999_999]);
    expect(linked.linkresult.map((entry) => entry.result)).toEqual([0, 2009]);
    await unlinkCollectionFiles(client, id, { all: true });
    expect((await getCollection(client, id)).items).toBe(0);
    await deleteCollection(client, id);
    await expect(getCollection(client, id)).rejects.toMatchObject({ result: 2065, method: 'collection_details' });
  });

  it('lists and deletes login tokens, reads the account, and logs out', async () => {
    const info = await getUserInfo(client);
    expect(info.email).toBe(emu.seeded.email);
    const tokens = await listTokens(client);
    expect(tokens.length).toBeGreaterThanOrEqual(3);
    expect(tokens[0]).toEqual(
      expect.objectContaining({ tokenid: expect.any(Number), device: expect.any(String), expires: expect.any(String) }),
    );
    const other = createClient({ endpoint: emu.apiUrl, auth: emu.seeded.authToken });
    // Delete some other session than the one in use.
    const victim = tokens.at(-1)!;
    await deleteToken(client, victim.tokenid);
    expect((await listTokens(client)).map((t) => t.tokenid)).not.toContain(victim.tokenid);
    await expect(deleteToken(client, victim.tokenid)).rejects.toMatchObject({ result: 2102 });
    await expect(logout(other)).resolves.toBe(true);
    await other.close();
    const after = createClient({ endpoint: emu.apiUrl, auth: emu.seeded.authToken, retry: false });
    await expect(after.call('userinfo')).rejects.toMatchObject({ result: 2000, isAuthError: true });
    await after.close();
  });
});

describe('in 2026 mode with an OAuth token', () => {
  let emu: Emulator;
  let client: PCloudClient;

  beforeAll(async () => {
    emu = await createEmulator();
    client = createClient({ endpoint: emu.apiUrl, accessToken: emu.token });
  });
  afterAll(async () => {
    await client.close();
    await emu.close();
  });

  it('reads the account but is refused collections and tokens, with a hint saying why', async () => {
    await expect(getUserInfo(client)).resolves.toHaveProperty('userid', emu.seeded.userid);
    for (const refused of [listCollections(client), listTokens(client), createCollection(client, 'x')]) {
      await expect(refused).rejects.toMatchObject({ result: 1000, hint: expect.stringContaining('OAuth access tokens') });
    }
  });
});
