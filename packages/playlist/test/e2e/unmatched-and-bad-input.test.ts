import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createClient } from '@pcloud/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMusicWorld, libraryTracks, type MusicWorld } from '../helpers/music-emulator.js';

let world: MusicWorld;
const tracks = libraryTracks();
const line = (track: string) => `/home/me/Music/${track}`;

beforeAll(async () => {
  world = await createMusicWorld({ legacy: true });
});
afterAll(() => world.close());

describe('unmatched tracks', () => {
  const content = [
    '#EXTM3U',
    line(tracks[0] as string),
    line('Björk/Album 1 & Friends/missing.mp3'),
    line((tracks[2] as string).toLowerCase()),
    '',
    line('Nobody/x.flac'),
    line(tracks[4] as string),
    line('Björk/cover.wav'),
  ].join('\n');

  it('reports every one at once with its line number, writes nothing and exits 1', async () => {
    await world.write('Mixed.m3u', content);
    const result = await world.run(['--prefix', '/home/me/Music', 'Mixed.m3u']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n').filter(Boolean)).toEqual([
      'Mixed.m3u:3: /Music/Björk/Album 1 & Friends/missing.mp3 not found on pCloud',
      `Mixed.m3u:4: /Music/${(tracks[2] as string).toLowerCase()} not found; /Music/${tracks[2]} exists (letter case differs)`,
      'Mixed.m3u:6: /Music/Nobody/x.flac not found on pCloud',
      'Mixed.m3u:8: /Music/Björk/cover.wav is not one of the music types (.mp3,.m4a,.flac,.alac)',
      '"Mixed": not written: 4 of 6 track(s) not found (--skip-missing writes the 2 found)',
    ]);
    expect(await world.playlist('Mixed')).toBeUndefined();
  });

  it('--skip-missing writes the tracks that were found, and still reports the others', async () => {
    const result = await world.run(['--prefix', '/home/me/Music', '--skip-missing', 'Mixed.m3u']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('created "Mixed": 2 tracks\n');
    expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(4);
    expect((await world.playlist('Mixed'))?.fileids).toEqual([
      world.fileids.get(tracks[0] as string),
      world.fileids.get(tracks[4] as string),
    ]);
  });

  it('suggests --prefix when absolute paths are missing without one', async () => {
    const result = await world.run(['-d', 'Mixed.m3u']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Mixed.m3u:2: /Music/home/me/Music/${tracks[0]} not found on pCloud\n`);
    expect(result.stderr).toContain(
      'without --prefix, absolute paths are looked up whole below /Music; give --prefix with your local music folder\n',
    );
  });

  it('-d shows the unmatched tracks and the plan, and writes nothing', async () => {
    await world.write('Dry.m3u', content);
    world.resetCalls();
    const result = await world.run(['-d', '--prefix', '/home/me/Music', '--skip-missing', 'Dry.m3u']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('create "Dry": 2 tracks in 1 call\n');
    expect(result.stderr).toContain('Dry.m3u:3:');
    expect([...world.calls.keys()].sort()).toEqual(['collection_list', 'listfolder']);
    expect(await world.playlist('Dry')).toBeUndefined();
  });
});

describe('bad input: one line per problem, the other playlists still processed', () => {
  it('handles garbage, a folder, a missing file, an empty playlist, repeats and long lines in one run', async () => {
    await world.write('bad/garbage.m3u', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0xff, 0xfe, 0x00, 0x00]));
    await mkdir(join(world.dir, 'bad', 'folder.m3u'), { recursive: true });
    await world.write('bad/empty.m3u', '#EXTM3U\n\n# nothing here\n');
    await world.write('bad/zero.m3u', '');
    await world.write('bad/repeats.m3u', [tracks[10], tracks[11], tracks[10]].map((t) => line(t as string)).join('\n'));
    await world.write(
      'bad/long.m3u',
      `${line(tracks[12] as string)}\n/home/me/Music/${'x'.repeat(100_000)}.mp3\n${line(tracks[13] as string)}\n`,
    );
    await world.write('bad/good.m3u', line(tracks[14] as string));
    const files = ['garbage.m3u', 'folder.m3u', 'missing.m3u', 'empty.m3u', 'zero.m3u', 'repeats.m3u', 'long.m3u', 'good.m3u'];
    const result = await world.run(['--prefix', '/home/me/Music', '--dir', 'bad', ...files]);
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n').filter(Boolean)).toEqual([
      'garbage.m3u: not a text playlist (binary content)',
      'folder.m3u: is a folder, not a playlist file',
      'missing.m3u: no such file',
      'empty.m3u: no tracks in it (empty playlist)',
      'zero.m3u: no tracks in it (empty playlist)',
      `repeats.m3u:3: ${tracks[10]} repeats line 1; a playlist holds a file once, so it is listed once`,
      'long.m3u:2: line is too long (100019 characters)',
      '"long": not written: 1 of 3 track(s) not found (--skip-missing writes the 2 found)',
    ]);
    expect(result.stdout).toBe('created "repeats": 2 tracks\ncreated "good": 1 track\n');
    expect((await world.playlist('repeats'))?.fileids).toEqual([tracks[10], tracks[11]].map((t) => world.fileids.get(t as string)));
  });

  it('refuses two playlist files with the same name in one run', async () => {
    await world.write('a/Same.m3u', line(tracks[20] as string));
    await world.write('b/Same.m3u8', line(tracks[21] as string));
    const result = await world.run(['--prefix', '/home/me/Music', 'a/Same.m3u', 'b/Same.m3u8']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('b/Same.m3u8: skipped: a/Same.m3u already makes the playlist "Same"\n');
    expect((await world.playlist('Same'))?.fileids).toEqual([world.fileids.get(tracks[20] as string)]);
  });

  it('answers usage errors for nothing to do, --create-cache without a file, bad --music-types', async () => {
    expect((await world.run([])).code).toBe(2);
    expect((await world.run(['--create-cache'])).stderr).toMatch(/^pcloud-playlist: --create-cache needs --cache-file\n/);
    expect((await world.run(['--music-types', ',', 'x.m3u'])).stderr).toMatch(/^pcloud-playlist: --music-types needs at least one suffix/);
    expect((await world.run(['--list', 'x.m3u'])).code).toBe(2);
  });
});

describe('a stale cache', () => {
  it('reports the tracks pCloud refused to link (deleted since the listing) with their lines', async () => {
    const cache = join(world.dir, 'stale.json');
    expect((await world.run(['--cache-file', cache, '--create-cache'])).code).toBe(0);
    const gone = tracks[31] as string;
    const client = createClient({ endpoint: world.emulator.apiUrl, auth: world.emulator.seeded.authToken });
    await client.call('deletefile', { fileid: world.fileids.get(gone) as number });
    await client.close();
    await world.write('Stale.m3u', [tracks[30], gone, tracks[32]].map((t) => line(t as string)).join('\n'));
    const result = await world.run(['--cache-file', cache, '--prefix', '/home/me/Music', 'Stale.m3u']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('created "Stale": 2 tracks\n');
    expect(result.stderr).toBe(
      `Stale.m3u:2: /Music/${gone}: pCloud did not add it (File not found., 2009); refresh the cache with --create-cache\n`,
    );
    expect((await world.playlist('Stale'))?.fileids).toEqual([tracks[30], tracks[32]].map((t) => world.fileids.get(t as string)));
  });
});
