import { afterAll, beforeAll, expect, it } from 'vitest';
import { createMusicWorld, libraryTracks, ARTISTS, type MusicWorld } from '../helpers/music-emulator.js';

// pCloud refuses a recursive listing of the root (1101) and of very large trees (5000);
// the music index is then built folder by folder, and the playlist is still written.
let world: MusicWorld;
const tracks = libraryTracks().filter((_, i) => i % 50 === 0);
const m3u = tracks.map((t) => `/home/me/Music/${t}`).join('\n');

beforeAll(async () => {
  world = await createMusicWorld({ legacy: true, faults: { maxRecursiveEntries: 100 } });
  await world.write('Spread.m3u', m3u);
});
afterAll(() => world.close());

it('lists folder by folder when the recursive listing of the music folder fails with 5000', async () => {
  world.resetCalls();
  const result = await world.run(['--prefix', '/home/me/Music', 'Spread.m3u']);
  expect(result).toEqual({ code: 0, stdout: `created "Spread": ${tracks.length} tracks\n`, stderr: '' });
  // The refused recursive call, the music folder alone, then each artist's folder (small enough).
  expect(world.calls.get('listfolder')).toBe(2 + ARTISTS.length);
  expect((await world.playlist('Spread'))?.fileids).toEqual(tracks.map((t) => world.fileids.get(t)));
});

it('works with the root as the music folder, which pCloud never lists recursively (1101)', async () => {
  world.resetCalls();
  const result = await world.run(['-d', '--music-folder', '/', '--prefix', '/home/me', 'Spread.m3u']);
  expect(result.code).toBe(0);
  expect(result.stdout).toBe(`"Spread" is up to date: ${tracks.length} tracks\n`);
  expect(world.calls.get('listfolder')).toBeGreaterThan(2);
});
