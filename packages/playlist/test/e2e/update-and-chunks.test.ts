import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMusicWorld, libraryTracks, type MusicWorld } from '../helpers/music-emulator.js';

let world: MusicWorld;
const tracks = libraryTracks();
const m3u = (list: readonly string[]) => list.map((t) => `/home/me/Music/${t}`).join('\n');
const ids = (list: readonly string[]) => list.map((t) => world.fileids.get(t));
const sync = (file: string, ...extra: string[]) => world.run(['--prefix', '/home/me/Music', ...extra, file]);

beforeAll(async () => {
  world = await createMusicWorld({ legacy: true });
});
afterAll(() => world.close());

describe('an existing playlist is brought to the new content', () => {
  it('in place when that is simpler: it keeps its id', async () => {
    const start = tracks.slice(0, 20);
    await world.write('Keep.m3u', m3u(start));
    expect((await sync('Keep.m3u')).code).toBe(0);
    const before = await world.playlist('Keep');

    // Three removed, three added at the end, one moved to the front.
    const next = [tracks[19] as string, ...tracks.slice(0, 18).filter((_, i) => i !== 5 && i !== 6), ...tracks.slice(30, 33)];
    await world.write('Keep.m3u', m3u(next));
    world.resetCalls();
    const result = await sync('Keep.m3u');
    expect(result).toEqual({ code: 0, stdout: 'updated "Keep" in place: 20 tracks (+3 -3, 1 moved)\n', stderr: '' });
    expect(world.calls.get('collection_unlinkfiles')).toBe(1);
    expect(world.calls.get('collection_linkfiles')).toBe(1);
    expect(world.calls.get('collection_move')).toBe(1);
    expect(world.calls.get('collection_delete')).toBeUndefined();
    const after = await world.playlist('Keep');
    expect(after?.id).toBe(before?.id);
    expect(after?.fileids).toEqual(ids(next));
  });

  it('does nothing when it already has the content', async () => {
    world.resetCalls();
    const result = await sync('Keep.m3u');
    expect(result.stdout).toBe('"Keep" is up to date: 20 tracks\n');
    expect([...world.calls.keys()].filter((method) => method !== 'collection_details' && method.startsWith('collection_'))).toEqual([
      'collection_list',
    ]);
  });

  it('by delete and re-create when the order changed too much', async () => {
    const reversed = tracks.slice(0, 20).reverse();
    await world.write('Keep.m3u', m3u(reversed));
    world.resetCalls();
    const result = await sync('Keep.m3u', '-v');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('replaced "Keep": 20 tracks (was 20)\n');
    expect(world.calls.get('collection_delete')).toBe(1);
    expect(world.calls.get('collection_create')).toBe(1);
    expect((await world.playlist('Keep'))?.fileids).toEqual(ids(reversed));
  });

  it('a dry run says what it would do and changes nothing', async () => {
    await world.write('Keep.m3u', m3u(tracks.slice(50, 60)));
    const dry = await sync('Keep.m3u', '-d');
    expect(dry.stdout).toBe('update "Keep" in place: 10 tracks in 2 calls (+10 -20, 0 moved)\n');
    await world.write('Keep.m3u', m3u(tracks.slice(0, 20)));
    expect((await sync('Keep.m3u', '-d')).stdout).toBe('replace "Keep": 20 tracks in 2 calls (was 20)\n');
    expect((await world.playlist('Keep'))?.fileids).toEqual(ids(tracks.slice(0, 20).reverse()));
  });
});

describe('chunks of --chunk-size file ids: create, then linkfiles', () => {
  it.each([
    [1, 100, 1, 0],
    [100, 100, 1, 0],
    [101, 100, 1, 1],
    [288, 1, 1, 287],
    [288, 300, 1, 0],
    [288, 100, 1, 2],
    [288, 101, 1, 2],
    [202, 101, 1, 1],
  ])('%i tracks with --chunk-size %i: %i create + %i linkfiles', async (count, size, creates, links) => {
    const name = `Chunks ${count} by ${size}`;
    const list = tracks.slice(0, count);
    await world.write(`${name}.m3u`, m3u(list));
    world.resetCalls();
    const result = await sync(`${name}.m3u`, '--chunk-size', String(size));
    expect(result.code).toBe(0);
    expect(world.calls.get('collection_create')).toBe(creates);
    expect(world.calls.get('collection_linkfiles') ?? 0).toBe(links);
    expect((await world.playlist(name))?.fileids).toEqual(ids(list));
  });

  it('300 ids go in one call and 301 in two', async () => {
    const extra = Array.from({ length: 13 }, (_, i) => `Extra/Album/${String(i).padStart(2, '0')} extra.mp3`);
    for (const track of extra) world.fileids.set(track, await world.emulator.seedFile(`/Music/${track}`, track));
    const all = [...tracks, ...extra];
    for (const count of [300, 301]) {
      await world.write(`Big ${count}.m3u`, m3u(all.slice(0, count)));
      world.resetCalls();
      expect((await sync(`Big ${count}.m3u`, '--chunk-size', '300')).code).toBe(0);
      expect([world.calls.get('collection_create'), world.calls.get('collection_linkfiles') ?? 0]).toEqual([1, count === 300 ? 0 : 1]);
      expect((await world.playlist(`Big ${count}`))?.fileids).toEqual(ids(all.slice(0, count)));
    }
  });
});
