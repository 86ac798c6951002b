import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preparePlaylist } from '../../src/playlists/prepare-playlist.js';
import { playlistName, readPlaylistFile, type PlaylistFile } from '../../src/playlists/read-playlist-file.js';
import { readMusicCache, writeMusicCache } from '../../src/tracks/music-cache.js';
import { createMusicIndex } from '../../src/tracks/music-index.js';
import { DEFAULT_MUSIC_TYPES } from '../../src/tracks/music-types.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'playlist-unit-'));
  await mkdir(join(dir, 'lists', 'folder.m3u'), { recursive: true });
  await writeFile(join(dir, 'lists', 'Road Trip.m3u'), '#EXTM3U\r\n#EXTINF:1,x\r\nA/a.mp3\r\nA/b.mp3\r\n');
  await writeFile(join(dir, 'lists', 'empty.m3u'), '#EXTM3U\n\n# nothing\n');
  await writeFile(join(dir, 'lists', 'garbage.m3u'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00]));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('playlistName', () => {
  it('drops folder and extension', () => {
    expect(playlistName('/x/y/Road Trip.m3u8')).toBe('Road Trip');
    expect(playlistName('C:\\Lists\\a.b.m3u')).toBe('a.b');
    expect(playlistName('noext')).toBe('noext');
    expect(playlistName('.hidden')).toBe('.hidden');
  });
});

describe('readPlaylistFile', () => {
  it('reads a playlist found through --dir', async () => {
    const read = await readPlaylistFile('Road Trip.m3u', { cwd: '/', dir: join(dir, 'lists') });
    expect(read).toMatchObject({ shownPath: 'Road Trip.m3u', folder: join(dir, 'lists'), name: 'Road Trip' });
    expect((read as PlaylistFile).entries).toEqual([
      { line: 3, entry: 'A/a.mp3' },
      { line: 4, entry: 'A/b.mp3' },
    ]);
  });

  it.each([
    ['missing.m3u', 'no such file'],
    ['folder.m3u', 'is a folder, not a playlist file'],
    ['empty.m3u', 'no tracks in it (empty playlist)'],
    ['garbage.m3u', 'not a text playlist (binary content)'],
  ])('reports %s in one line', async (name, message) => {
    expect(await readPlaylistFile(name, { cwd: join(dir, 'lists') })).toEqual({ shownPath: name, message });
  });
});

describe('music cache', () => {
  const index = createMusicIndex('/Music', DEFAULT_MUSIC_TYPES, [
    ['A/a.mp3', 11],
    ['Ü/b.flac', 12],
  ]);

  it('round-trips and is tagged with its music folder and types', async () => {
    const file = join(dir, 'cache', 'music.json');
    await writeMusicCache(file, index);
    const back = await readMusicCache(file, '/Music', [...DEFAULT_MUSIC_TYPES].reverse());
    expect(back.ok && [...back.index.files]).toEqual([
      ['A/a.mp3', 11],
      ['Ü/b.flac', 12],
    ]);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ version: 1, musicFolder: '/Music' });
    expect(await readMusicCache(file, '/Other', DEFAULT_MUSIC_TYPES)).toEqual({ ok: false, reason: 'it belongs to music folder /Music' });
    expect(await readMusicCache(file, '/Music', ['.mp3'])).toEqual({ ok: false, reason: 'it was made for other music types' });
  });

  it('refuses missing, non-JSON and foreign files', async () => {
    expect(await readMusicCache(join(dir, 'none.json'), '/Music', DEFAULT_MUSIC_TYPES)).toEqual({ ok: false, reason: 'no cache yet' });
    await writeFile(join(dir, 'bad.json'), '{nope');
    expect(await readMusicCache(join(dir, 'bad.json'), '/Music', DEFAULT_MUSIC_TYPES)).toEqual({
      ok: false,
      reason: 'it is not valid JSON',
    });
    await writeFile(join(dir, 'other.json'), '[1,2]');
    expect((await readMusicCache(join(dir, 'other.json'), '/Music', DEFAULT_MUSIC_TYPES)).ok).toBe(false);
  });
});

describe('preparePlaylist', () => {
  const index = createMusicIndex('/Music', DEFAULT_MUSIC_TYPES, [
    ['A/a.mp3', 11],
    ['A/b.mp3', 12],
  ]);
  const file: PlaylistFile = {
    shownPath: 'lists/Mix.m3u',
    folder: '/home/u/Music',
    name: 'Mix',
    entries: [
      { line: 1, entry: 'A/a.mp3' },
      { line: 3, entry: 'A/missing.mp3' },
      { line: 4, entry: 'A/a.mp3' },
      { line: 5, entry: 'A/b.mp3' },
    ],
    problems: [{ line: 2, message: 'line is too long (9000 characters)' }],
  };

  it('blocks a playlist with misses and reports each with its line', () => {
    const prepared = preparePlaylist(file, index, { cwd: '/', skipMissing: false });
    expect(prepared.problems).toEqual([
      'lists/Mix.m3u:2: line is too long (9000 characters)',
      'lists/Mix.m3u:3: /Music/A/missing.mp3 not found on pCloud',
    ]);
    expect(prepared.warnings).toEqual(['lists/Mix.m3u:4: A/a.mp3 repeats line 1; a playlist holds a file once, so it is listed once']);
    expect(prepared.blocked).toBe('2 of 4 track(s) not found (--skip-missing writes the 2 found)');
    expect(prepared.tracks.map((track) => track.fileid)).toEqual([11, 12]);
  });

  it('writes what was found with --skip-missing, but never an empty playlist', () => {
    expect(preparePlaylist(file, index, { cwd: '/', skipMissing: true }).blocked).toBeUndefined();
    const none = { ...file, entries: [{ line: 1, entry: 'x.mp3' }], problems: [] };
    expect(preparePlaylist(none, index, { cwd: '/', skipMissing: true }).blocked).toBe('none of its 1 track(s) was found');
  });
});
