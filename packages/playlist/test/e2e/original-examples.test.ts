import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMusicWorld, libraryTracks, type MusicWorld } from '../helpers/music-emulator.js';

// The original tool's documented use: three playlists, --list, the cache created and re-created.
let world: MusicWorld;
const tracks = libraryTracks();
const lists = {
  'Road Trip': tracks.slice(0, 30),
  Chill: tracks.slice(100, 112),
  'Björk & Friends': tracks.filter((track) => track.startsWith('Björk/')),
};

beforeAll(async () => {
  world = await createMusicWorld({ legacy: true });
  for (const [name, entries] of Object.entries(lists)) {
    // Absolute local paths under the prefix, as a player writes them.
    await world.write(`lists/${name}.m3u`, `#EXTM3U\n${entries.map((t) => `#EXTINF:200,x\n/home/me/Music/${t}`).join('\n')}\n`);
  }
});
afterAll(() => world.close());

describe('the original examples', () => {
  it('turns three playlists into pCloud playlists with one listing of /Music', async () => {
    world.resetCalls();
    const result = await world.run(['--prefix', '/home/me/Music', '--dir', 'lists', 'Road Trip.m3u', 'Chill.m3u', 'Björk & Friends.m3u']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').filter(Boolean)).toEqual([
      'created "Road Trip": 30 tracks',
      'created "Chill": 12 tracks',
      'created "Björk & Friends": 24 tracks',
    ]);
    expect(world.calls.get('listfolder')).toBe(1);
    expect(world.calls.get('collection_create')).toBe(3);
    for (const [name, entries] of Object.entries(lists)) {
      expect((await world.playlist(name))?.fileids).toEqual(entries.map((t) => world.fileids.get(t)));
    }
  });

  it('--list prints the playlists sorted, -v with track counts, --json as data', async () => {
    const plain = await world.run(['--list']);
    expect(plain.code).toBe(0);
    const names = plain.stdout.split('\n').filter(Boolean);
    expect(names).toEqual([...names].sort());
    expect(names).toEqual(expect.arrayContaining(['Björk & Friends', 'Chill', 'Road Trip']));
    const verbose = await world.run(['--list', '-v']);
    expect(verbose.stdout).toContain('Road Trip\t30 tracks\n');
    expect(verbose.stdout).toContain('Chill\t12 tracks\n');
    const json = JSON.parse((await world.run(['--list', '--json'])).stdout) as Array<{ name: string; tracks: number; id: number }>;
    expect(json.find((p) => p.name === 'Björk & Friends')).toMatchObject({ tracks: 24 });
  });

  it('creates the cache, then matches from it without listing', async () => {
    const cache = join(world.dir, 'cache', 'music.json');
    const dry = await world.run(['-d', '--cache-file', cache, '--create-cache']);
    expect(dry).toEqual({ code: 0, stdout: '', stderr: `would cache ${tracks.length} tracks of /Music in ${cache}\n` });
    await expect(readFile(cache, 'utf8')).rejects.toThrow(/ENOENT/);
    world.resetCalls();
    const created = await world.run(['--cache-file', cache, '--create-cache']);
    expect(created.code).toBe(0);
    expect(created.stderr).toBe(`cached ${tracks.length} tracks of /Music in ${cache}\n`);
    expect(world.calls.get('listfolder')).toBe(1);
    const saved = JSON.parse(await readFile(cache, 'utf8')) as { musicFolder: string; files: Record<string, number> };
    expect(saved.musicFolder).toBe('/Music');
    expect(Object.keys(saved.files)).toHaveLength(tracks.length);
    expect(Object.keys(saved.files).some((path) => path.endsWith('.jpg') || path.endsWith('.txt'))).toBe(false);

    world.resetCalls();
    const warm = await world.run(['-d', '--cache-file', cache, '--prefix', '/home/me/Music', 'lists/Chill.m3u']);
    expect(warm.code).toBe(0);
    expect(world.calls.get('listfolder')).toBeUndefined();
  });

  it('re-creates the cache on --create-cache and when it belongs to another music folder', async () => {
    const cache = join(world.dir, 'cache', 'music.json');
    const extra = 'Björk/Album 1 & Friends/99 New Song.mp3';
    world.fileids.set(extra, await world.emulator.seedFile(`/Music/${extra}`, 'new'));
    await world.write('lists/New.m3u', `${extra}\n`);

    const stale = await world.run(['-d', '--cache-file', cache, 'lists/New.m3u', '--prefix', 'lists']);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('lists/New.m3u:1: /Music/Björk/Album 1 & Friends/99 New Song.mp3 not found on pCloud');
    expect(stale.stderr).toContain('--create-cache');

    world.resetCalls();
    const before = await readFile(cache, 'utf8');
    const dry = await world.run(['-d', '--cache-file', cache, '--create-cache', 'lists/New.m3u', '--prefix', 'lists']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toBe('create "New": 1 track in 1 call\n');
    expect(world.calls.get('listfolder')).toBe(1);
    expect(await readFile(cache, 'utf8')).toBe(before);

    const refreshed = await world.run(['--cache-file', cache, '--create-cache', 'lists/New.m3u', '--prefix', 'lists']);
    expect(refreshed).toEqual({ code: 0, stdout: 'created "New": 1 track\n', stderr: '' });
    expect(Object.keys((JSON.parse(await readFile(cache, 'utf8')) as { files: object }).files)).toContain(extra);

    await world.emulator.seedFile('/Other/x.mp3', 'x');
    world.resetCalls();
    const other = await world.run(['--cache-file', cache, '--music-folder', '/Other', '--create-cache']);
    expect(other.code).toBe(0);
    expect(JSON.parse(await readFile(cache, 'utf8'))).toMatchObject({ musicFolder: '/Other', files: { 'x.mp3': expect.any(Number) } });
    world.resetCalls();
    const back = await world.run(['-d', '-v', '--cache-file', cache, 'lists/New.m3u', '--prefix', 'lists']);
    expect(back.code).toBe(0);
    expect(back.stderr).toContain('it belongs to music folder /Other');
    expect(world.calls.get('listfolder')).toBe(1);
  });

  it('saves the playlist section with -s, without the one-shot flags', async () => {
    const config = join(world.dir, 'config', 'pcloud.json');
    const saved = await world.run([
      '-s',
      '-d',
      '--prefix',
      '/home/me/Music',
      '--chunk-size',
      '50',
      '--music-types',
      'mp3,flac,m4a',
      '--dir',
      'lists',
      '--skip-missing',
      'Chill.m3u',
    ]);
    expect(saved.code).toBe(0);
    const section = (JSON.parse(await readFile(config, 'utf8')) as { playlist: Record<string, unknown> }).playlist;
    expect(section).toEqual({ prefix: '/home/me/Music', 'chunk-size': 50, 'music-types': ['mp3', 'flac', 'm4a'], dir: 'lists' });
    // The saved section now applies: Chill is found through the saved --dir and --prefix.
    const again = await world.run(['-d', 'Chill.m3u']);
    expect(again).toEqual({ code: 0, stdout: '"Chill" is up to date: 12 tracks\n', stderr: '' });
  });

  it('reads ~ in --prefix, --dir and --cache-file as the home folder (a saved value never passes a shell)', async () => {
    const home = { HOME: '/home/me' };
    const dry = await world.run(['-d', '--prefix', '~/Music', join(world.dir, 'lists', 'Chill.m3u')], { env: home });
    expect(dry).toEqual({ code: 0, stdout: '"Chill" is up to date: 12 tracks\n', stderr: '' });
    const lists = await world.run(['-d', '--prefix', '/home/me/Music', '--dir', '~/lists', 'Chill.m3u'], { env: { HOME: world.dir } });
    expect(lists).toEqual({ code: 0, stdout: '"Chill" is up to date: 12 tracks\n', stderr: '' });
    const cache = await world.run(['--cache-file', '~/home-cache.json', '--create-cache'], { env: { HOME: world.dir } });
    expect(cache.code, cache.stderr).toBe(0);
    expect(JSON.parse(await readFile(join(world.dir, 'home-cache.json'), 'utf8'))).toMatchObject({ musicFolder: '/Music' });
  });

  it('answers a usage error (exit 2) for a chunk size out of 1..300', async () => {
    for (const size of ['0', '301', 'ten']) {
      const result = await world.run(['--chunk-size', size, 'lists/Chill.m3u']);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^pcloud-playlist: --chunk-size must be an integer from 1 to 300/);
    }
  });
});
