import { afterAll, beforeAll, expect, it } from 'vitest';
import { createMusicWorld, libraryTracks, type MusicWorld } from '../helpers/music-emulator.js';

// The original slept between calls to dodge pCloud's internal errors; we retry with backoff.
let world: MusicWorld;
const tracks = libraryTracks().slice(0, 250);

beforeAll(async () => {
  world = await createMusicWorld({ legacy: true });
  await world.write('Flaky.m3u', tracks.map((t) => `/home/me/Music/${t}`).join('\n'));
});
afterAll(() => world.close());

it('retries collection calls that fail with 5000 and still writes every track in order', async () => {
  world.emulator.faults.set({ rules: [{ methods: ['collection_create', 'collection_linkfiles'], failEvery: 2, failResult: 5000 }] });
  world.resetCalls();
  const result = await world.run(['--prefix', '/home/me/Music', 'Flaky.m3u']);
  world.emulator.faults.set({});
  expect(result).toEqual({ code: 0, stdout: 'created "Flaky": 250 tracks\n', stderr: '' });
  // create, then two links; the 2nd and 4th calls fail once each and are repeated.
  expect((world.calls.get('collection_create') ?? 0) + (world.calls.get('collection_linkfiles') ?? 0)).toBe(5);
  expect((await world.playlist('Flaky'))?.fileids).toEqual(tracks.map((t) => world.fileids.get(t)));
});

it('reports a playlist whose calls keep failing, and exits 1', async () => {
  await world.write(
    'Broken.m3u',
    tracks
      .slice(0, 5)
      .map((t) => `/home/me/Music/${t}`)
      .join('\n'),
  );
  world.emulator.faults.set({ rules: [{ methods: ['collection_create'], failEvery: 1, failResult: 2073 }] });
  const result = await world.run(['--prefix', '/home/me/Music', 'Broken.m3u']);
  world.emulator.faults.set({});
  expect(result.code).toBe(1);
  expect(result.stderr).toBe('"Broken": not written: collection_create: The name for the collection is already used. (2073)\n');
});
