import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../src/index.js';
import { apiCall, type Answer } from './support/api-call.js';

const DATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} \+0000$/;

describe('collection_* methods (legacy mode)', () => {
  let emu: Emulator;
  let tracks: number[];
  let notAudio: number;
  let call: (method: string, params?: Record<string, string | number>) => Promise<Answer>;

  beforeAll(async () => {
    emu = await createEmulator({ legacy: true });
    call = (method, params = {}) => apiCall(emu.apiUrl, method, { auth: emu.seeded.authToken, ...params });
    tracks = [];
    for (const name of ['one.mp3', 'two.flac', 'three.m4a', 'four.mp3', 'five.mp3'])
      tracks.push(await emu.seedFile(`/Music/${name}`, `audio ${name}`));
    notAudio = await emu.seedFile('/Docs/readme.txt', 'text');
  });
  afterAll(() => emu.close());

  let created: number[] = [];
  beforeEach(async () => {
    for (const id of created) await call('collection_delete', { collectionid: id });
    created = [];
  });
  async function create(params: Record<string, string | number>): Promise<Answer> {
    const answer = await call('collection_create', params);
    if (answer.result === 0) created.push(answer.collection.id);
    return answer;
  }

  it('lists system collections created on the first call, with pCloud shapes', async () => {
    const answer = await call('collection_list');
    expect(answer.result).toBe(0);
    const system = answer.collections.filter((c: Answer) => c.system);
    expect(system.length).toBeGreaterThan(0);
    for (const c of system) {
      expect(c).toMatchObject({ ismine: true, system: true, type: 'audio', items: 0, contents: [] });
      expect(typeof c.id).toBe('number');
      expect(typeof c.subtype).toBe('number');
      expect(c.created).toMatch(DATE);
      expect(c.modified).toMatch(DATE);
    }
    const again = await call('collection_list');
    expect(again.collections.map((c: Answer) => c.id)).toEqual(answer.collections.map((c: Answer) => c.id));
  });

  it('creates an audio collection by default and returns `collection` as an object', async () => {
    const answer = await create({ name: 'Road Trip' });
    expect(answer.result).toBe(0);
    expect(Array.isArray(answer.collection)).toBe(false);
    expect(answer.collection).toMatchObject({ name: 'Road Trip', type: 'audio', ismine: true, system: false, items: 0, contents: [] });
    expect(answer.collection.subtype).toBeUndefined();
    expect(answer).not.toHaveProperty('linkresult');
    const generic = await create({ name: 'Anything', type: 0 });
    expect(generic.collection.type).toBe('generic');
  });

  it('refuses a duplicate name (2073), a missing name (1039) and an unknown type (1058)', async () => {
    await create({ name: 'Dup' });
    expect(await create({ name: 'Dup' })).toMatchObject({ result: 2073, error: 'The name for the collection is already used.' });
    const missing = await create({});
    expect(missing).toMatchObject({ result: 1039, error: "Please provide 'name'." });
    expect(missing.xError).toBe('1039');
    expect(await create({ name: 'Bad type', type: 7 })).toMatchObject({ result: 1058, error: "Please provide valid collection 'type'." });
  });

  it('links the first chunk on create and reports every id in linkresult (fileid as a string)', async () => {
    const answer = await create({ name: 'With files', fileids: `${tracks[0]},999999,${notAudio},${tracks[1]}` });
    expect(answer.linkresult).toEqual([
      expect.objectContaining({ fileid: String(tracks[0]), result: 0 }),
      { fileid: '999999', result: 2009, message: 'File not found.' },
      expect.objectContaining({ fileid: String(notAudio), result: 2071 }),
      expect.objectContaining({ fileid: String(tracks[1]), result: 0 }),
    ]);
    expect(answer.linkresult[0].metadata).toMatchObject({
      fileid: tracks[0],
      id: `f${tracks[0]}`,
      name: 'one.mp3',
      position: 1,
      category: 3,
    });
    expect(answer.linkresult[0].metadata.added).toMatch(DATE);
    expect(answer.linkresult[3].metadata.position).toBe(2);
    expect(answer.collection.items).toBe(2);
  });

  it('collection_details returns contents with position and added, pages of pagesize', async () => {
    const { collection } = await create({ name: 'Paged', fileids: tracks.join(',') });
    const all = await call('collection_details', { collectionid: collection.id });
    expect(all.collection.contents.map((f: Answer) => [f.fileid, f.position])).toEqual(tracks.map((id, i) => [id, i + 1]));
    expect(all.collection.page).toBeUndefined();
    const page2 = await call('collection_details', { collectionid: collection.id, page: 2, pagesize: 2 });
    expect(page2.collection).toMatchObject({ page: 2, pagesize: 2, items: 5 });
    expect(page2.collection.contents.map((f: Answer) => f.position)).toEqual([3, 4]);
    const stamps = await call('collection_details', { collectionid: collection.id, timeformat: 'timestamp' });
    expect(typeof stamps.collection.created).toBe('number');
    expect(typeof stamps.collection.contents[0].added).toBe('number');
  });

  it('collection_details: 1057 without an id, 2065 for an unknown one', async () => {
    expect(await call('collection_details')).toMatchObject({ result: 1057, error: "Please provide 'collectionid'." });
    expect(await call('collection_details', { collectionid: 424242 })).toMatchObject({ result: 2065, error: 'Collection not found.' });
  });

  it('drops items whose file was deleted', async () => {
    const gone = await emu.seedFile('/Music/gone.mp3', 'bye');
    const { collection } = await create({ name: 'Fading', fileids: `${tracks[0]},${gone}` });
    expect((await call('deletefile', { fileid: gone })).result).toBe(0);
    const details = await call('collection_details', { collectionid: collection.id });
    expect(details.collection.items).toBe(1);
    expect(details.collection.contents.map((f: Answer) => f.fileid)).toEqual([tracks[0]]);
  });

  it('collection_linkfiles appends in order, never twice, and honours noitems', async () => {
    const { collection } = await create({ name: 'Growing', fileids: String(tracks[0]) });
    const linked = await call('collection_linkfiles', { collectionid: collection.id, fileids: `${tracks[2]},${tracks[0]},${tracks[1]}` });
    expect(linked.linkresult.map((r: Answer) => [r.fileid, r.result, r.metadata.position])).toEqual([
      [String(tracks[2]), 0, 2],
      [String(tracks[0]), 0, 1],
      [String(tracks[1]), 0, 3],
    ]);
    expect(linked.collection).toMatchObject({ id: collection.id, items: 3 });
    const quiet = await call('collection_linkfiles', { collectionid: collection.id, fileids: String(tracks[3]), noitems: 1 });
    expect(quiet.linkresult).toEqual([]);
    expect(quiet.collection.items).toBe(4);
    expect(await call('collection_linkfiles', { collectionid: collection.id })).toMatchObject({
      result: 1038,
      error: "Please provide 'fileids'.",
    });
    expect(await call('collection_linkfiles', { fileids: '1' })).toMatchObject({ result: 1057 });
    expect(await call('collection_linkfiles', { collectionid: 424242, fileids: '1' })).toMatchObject({ result: 2065 });
  });

  it('collection_linkfiles takes chunks of 300 ids in one call', async () => {
    const { collection } = await create({ name: 'Big' });
    const ids: number[] = [];
    for (let i = 0; i < 300; i++) ids.push(await emu.seedFile(`/Music/big/${i}.mp3`, `t${i}`));
    const answer = await call('collection_linkfiles', { collectionid: collection.id, fileids: ids.join(','), noitems: 1 });
    expect(answer.collection.items).toBe(300);
    const last = await call('collection_details', { collectionid: collection.id, page: 15, pagesize: 20 });
    expect(last.collection.contents.map((f: Answer) => f.fileid)).toEqual(ids.slice(280));
  });

  it('collection_unlinkfiles by positions, then fileids, then all; positions win over all', async () => {
    const { collection } = await create({ name: 'Shrinking', fileids: tracks.join(',') });
    const byPosition = await call('collection_unlinkfiles', { collectionid: collection.id, positions: '1,3', all: 1 });
    expect(byPosition.collection.items).toBe(3);
    const left = await call('collection_details', { collectionid: collection.id });
    expect(left.collection.contents.map((f: Answer) => f.fileid)).toEqual([tracks[1], tracks[3], tracks[4]]);
    await call('collection_unlinkfiles', { collectionid: collection.id, fileids: String(tracks[3]) });
    const after = await call('collection_details', { collectionid: collection.id });
    expect(after.collection.contents.map((f: Answer) => [f.fileid, f.position])).toEqual([
      [tracks[1], 1],
      [tracks[4], 2],
    ]);
    expect((await call('collection_unlinkfiles', { collectionid: collection.id, all: 1 })).collection.items).toBe(0);
    expect(await call('collection_unlinkfiles', { collectionid: collection.id })).toMatchObject({ result: 1038 });
  });

  it('collection_move moves an item to a new position and checks its parameters', async () => {
    const { collection } = await create({ name: 'Shuffled', fileids: tracks.slice(0, 4).join(',') });
    expect(await call('collection_move', { collectionid: collection.id, item: 4, position: 1 })).toEqual({ result: 0 });
    const order = await call('collection_details', { collectionid: collection.id });
    expect(order.collection.contents.map((f: Answer) => f.fileid)).toEqual([tracks[3], tracks[0], tracks[1], tracks[2]]);
    expect(await call('collection_move', { collectionid: collection.id, position: 1 })).toMatchObject({
      result: 1059,
      error: "Please provide 'item'.",
    });
    expect(await call('collection_move', { collectionid: collection.id, item: 1 })).toMatchObject({
      result: 1060,
      error: "Please provide 'position'.",
    });
    expect(await call('collection_move', { collectionid: collection.id, item: 9, position: 1 })).toMatchObject({
      result: 2066,
      error: 'Item could not be moved in the collection - invalid parameters.',
    });
    expect(await call('collection_move', { collectionid: collection.id, item: 1, position: 2, fileid: tracks[2]! })).toMatchObject({
      result: 2066,
    });
  });

  it('renames (2073 on a taken name) and deletes; system collections answer 2065', async () => {
    const { collection } = await create({ name: 'Before' });
    await create({ name: 'Taken' });
    const renamed = await call('collection_rename', { collectionid: collection.id, name: 'After' });
    expect(renamed.collection).toMatchObject({ id: collection.id, name: 'After' });
    expect(await call('collection_rename', { collectionid: collection.id, name: 'Taken' })).toMatchObject({ result: 2073 });
    expect(await call('collection_rename', { collectionid: collection.id })).toMatchObject({ result: 1039 });
    expect(await call('collection_rename', { name: 'x' })).toMatchObject({ result: 1057 });
    expect(await call('collection_delete', { collectionid: collection.id })).toEqual({ result: 0 });
    expect(await call('collection_details', { collectionid: collection.id })).toMatchObject({ result: 2065 });
    expect(await call('collection_delete', { collectionid: collection.id })).toMatchObject({ result: 2065 });
    const system = (await call('collection_list')).collections.find((c: Answer) => c.system);
    expect(await call('collection_delete', { collectionid: system.id })).toMatchObject({ result: 2065 });
    expect(await call('collection_rename', { collectionid: system.id, name: 'Mine now' })).toMatchObject({ result: 2065 });
  });

  it('filters collection_list by type and fills contents with showfiles, capped by pagesize', async () => {
    await create({ name: 'Audio list', fileids: tracks.join(',') });
    await create({ name: 'Generic list', type: 0, fileids: String(notAudio) });
    const audio = await call('collection_list', { type: 1 });
    expect(audio.collections.every((c: Answer) => c.type === 'audio')).toBe(true);
    expect(audio.collections.map((c: Answer) => c.name)).toContain('Audio list');
    expect(audio.collections.map((c: Answer) => c.name)).not.toContain('Generic list');
    const plain = audio.collections.find((c: Answer) => c.name === 'Audio list');
    expect(plain.contents).toEqual([]);
    const shown = await call('collection_list', { type: 1, showfiles: 1, pagesize: 2 });
    const full = shown.collections.find((c: Answer) => c.name === 'Audio list');
    expect(full.items).toBe(5);
    expect(full.contents.map((f: Answer) => f.fileid)).toEqual(tracks.slice(0, 2));
  });

  it('keeps collections per account name space: another account cannot see them', async () => {
    const { collection } = await create({ name: 'Private' });
    const other = emu.state.identity.addAccount({
      userid: 777,
      email: 'other@pcloud-emulator.test',
      password: 'other-password',
      quota: 1,
      premium: false,
      registered: 0,
      emailverified: true,
      language: 'en',
    });
    const token = emu.state.identity.issueToken(other.userid, 'auth', { device: 'test', now: emu.state.now() });
    const answer = await apiCall(emu.apiUrl, 'collection_details', { auth: token.value, collectionid: collection.id });
    expect(answer).toMatchObject({ result: 2065 });
  });
});
