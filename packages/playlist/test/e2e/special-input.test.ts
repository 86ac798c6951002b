/**
 * Playlist files that are not ordinary text files, through the real bin (a child process, so a
 * blocked read or a runaway heap shows as a failure, not as a hung test run): /dev/zero and a FIFO
 * are refused at once, a file over the size limit is refused unread, and 50 MB of newlines is read
 * in a heap far smaller than an array of its lines.
 */
import { execFileSync } from 'node:child_process';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playlistBin } from '../helpers/bin-path.js';
import { createMusicWorld, libraryTracks, type MusicWorld } from '../helpers/music-emulator.js';
import { spawnPlaylist, type SpawnResult } from '../helpers/spawn-bin.js';

let bin: string;
let world: MusicWorld;

beforeAll(async () => {
  [bin, world] = await Promise.all([playlistBin(), createMusicWorld({ legacy: true })]);
});
afterAll(() => world.close());

function spawnBin(args: string[], nodeOptions: string[] = []): Promise<SpawnResult> {
  return spawnPlaylist(bin, world, args, { PCLOUD_AUTH: world.emulator.seeded.authToken }, nodeOptions);
}

describe('playlist files that are not ordinary text files', () => {
  it('refuses /dev/zero and a FIFO at once, in one line each, and still writes the good playlist', async () => {
    const fifo = join(world.dir, 'special', 'pipe.m3u');
    await world.write('special/Good.m3u', `../${libraryTracks()[0]}`);
    execFileSync('mkfifo', [fifo]);
    const result = await spawnBin(['--prefix', '.', '/dev/zero', fifo, 'special/Good.m3u']);
    expect(result.stderr.split('\n').filter(Boolean)).toEqual([
      '/dev/zero: is not a regular file (a FIFO, device or socket), not a playlist file',
      `${fifo}: is not a regular file (a FIFO, device or socket), not a playlist file`,
    ]);
    expect(result).toMatchObject({ code: 1, stdout: 'created "Good": 1 track\n' });
  });

  it('refuses a file over the size limit without reading it', async () => {
    const big = await open(join(world.dir, 'special', 'huge.m3u'), 'w');
    await big.truncate(60 * 1024 * 1024);
    await big.close();
    const result = await spawnBin(['-d', 'special/huge.m3u']);
    expect(result).toEqual({ code: 1, stdout: '', stderr: 'special/huge.m3u: is too big for a playlist (over 52428800 bytes)\n' });
  });

  it('reads 50 MB of newlines with a 128 MB heap', async () => {
    await world.write('special/newlines.m3u', Buffer.alloc(50_000_000, 0x0a));
    const result = await spawnBin(['-d', 'special/newlines.m3u'], ['--max-old-space-size=128']);
    expect(result).toEqual({ code: 1, stdout: '', stderr: 'special/newlines.m3u: no tracks in it (empty playlist)\n' });
  });
});
