import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playlistBin } from '../helpers/bin-path.js';
import { createMusicWorld, libraryTracks, type MusicWorld } from '../helpers/music-emulator.js';
import { spawnPlaylist, type SpawnResult } from '../helpers/spawn-bin.js';

let bin: string;
let legacy: MusicWorld;
let restricted: MusicWorld;

beforeAll(async () => {
  [bin, legacy, restricted] = await Promise.all([playlistBin(), createMusicWorld({ legacy: true }), createMusicWorld()]);
});
afterAll(() => Promise.all([legacy.close(), restricted.close()]));

function spawnBin(world: MusicWorld, args: string[], env: Record<string, string> = {}): Promise<SpawnResult> {
  return spawnPlaylist(bin, world, args, env);
}

describe('the real pcloud-playlist bin', () => {
  it('answers --help and --version', async () => {
    const [help, versionRun] = await Promise.all([spawnBin(legacy, ['--help']), spawnBin(legacy, ['--version'])]);
    expect(help.code).toBe(0);
    for (const option of [
      '--cache-file',
      '--create-cache',
      '--dir',
      '--list',
      '--music-folder',
      '--music-types',
      '--prefix',
      '--chunk-size',
      '--skip-missing',
      '--dry-run',
    ]) {
      expect(help.stdout).toContain(option);
    }
    const { version } = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(versionRun.stdout.trim()).toBe(version);
  });

  it('writes a playlist with a legacy auth token, then lists it', async () => {
    const tracks = libraryTracks().slice(40, 45);
    await legacy.write('Lists/Bin Test.m3u8', tracks.map((t) => `../${t}`).join('\n'));
    const env = { PCLOUD_AUTH: legacy.emulator.seeded.authToken };
    const result = await spawnBin(legacy, ['--prefix', '.', 'Lists/Bin Test.m3u8'], env);
    expect(result).toEqual({ code: 0, stdout: 'created "Bin Test": 5 tracks\n', stderr: '' });
    expect((await spawnBin(legacy, ['--list'], env)).stdout).toContain('Bin Test\n');
  });

  it('exits 2 on a usage error and 1 on a refusal, without a stack trace', async () => {
    const env = { PCLOUD_ACCESS_TOKEN: restricted.emulator.token };
    const [usage, refused] = await Promise.all([
      spawnBin(restricted, ['--chunk-size', '301', 'x.m3u'], env),
      spawnBin(restricted, ['--list'], env),
    ]);
    expect(usage.code).toBe(2);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^pcloud-playlist: pCloud refused the playlist request .*\nhint: .*\n$/);
    expect(refused.stderr).not.toMatch(/\bat \S+ \(/);
  });
});
