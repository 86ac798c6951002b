import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMusicWorld, libraryTracks, type MusicWorld } from '../helpers/music-emulator.js';

const tracks = libraryTracks().slice(0, 3);
const m3u = tracks.map((t) => `/home/me/Music/${t}`).join('\n');

describe('restriction mode (pCloud since April 2026): OAuth tokens get no playlists', () => {
  let world: MusicWorld;
  beforeAll(async () => {
    world = await createMusicWorld();
    await world.write('Mix.m3u', m3u);
  });
  afterAll(() => world.close());

  const refusal = [
    'pcloud-playlist: pCloud refused the playlist request (collection_list answered 1000 "Log in required."): since April 2026 pCloud no longer lets OAuth access tokens read or change playlists.',
    'hint: Playlists need a legacy "auth" login token: if you still have one, put it in the config file as "auth" (it is used instead of the access token). Files and folders keep working with OAuth.',
  ];

  it('says so in plain words, with no stack trace, and exits 1', async () => {
    const result = await world.run(['--prefix', '/home/me/Music', 'Mix.m3u']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n').filter(Boolean)).toEqual(refusal);
    expect(result.stderr).not.toContain(world.emulator.token);
  });

  it('says the same for --list and for a dry run', async () => {
    for (const argv of [['--list'], ['-d', '--prefix', '/home/me/Music', 'Mix.m3u']]) {
      const result = await world.run(argv);
      expect(result.code).toBe(1);
      expect(result.stderr.split('\n').filter(Boolean)).toEqual(refusal);
    }
  });

  it('still builds the music cache, which needs only file methods', async () => {
    const result = await world.run(['--cache-file', 'music.json', '--create-cache']);
    expect(result.code).toBe(0);
    // A relative cache file is the command's working directory's, not the test process's.
    const cache = JSON.parse(await readFile(join(world.dir, 'music.json'), 'utf8')) as { musicFolder: string };
    expect(cache.musicFolder).toBe('/Music');
  });

  it('refuses a legacy auth token outright, as pCloud invalidated them', async () => {
    const result = await world.run(['--list'], { env: { PCLOUD_ACCESS_TOKEN: undefined, PCLOUD_AUTH: world.emulator.seeded.authToken } });
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n')).toEqual([
      'pcloud-playlist: pCloud did not accept the legacy auth token (collection_list answered 2000 "Log in failed.").',
      expect.stringMatching(/^hint: pCloud invalidated old auth tokens in April 2026/),
      '',
    ]);
    expect(result.stderr).not.toContain(world.emulator.seeded.authToken);
  });
});

describe('legacy mode: a legacy auth token works end to end', () => {
  let world: MusicWorld;
  beforeAll(async () => {
    world = await createMusicWorld({ legacy: true });
    await world.write('Mix.m3u', m3u);
  });
  afterAll(() => world.close());

  it('from PCLOUD_AUTH', async () => {
    const env = { PCLOUD_ACCESS_TOKEN: undefined, PCLOUD_AUTH: world.emulator.seeded.authToken };
    const result = await world.run(['--prefix', '/home/me/Music', 'Mix.m3u'], { env });
    expect(result).toEqual({ code: 0, stdout: 'created "Mix": 3 tracks\n', stderr: '' });
    expect((await world.playlist('Mix'))?.fileids).toEqual(tracks.map((t) => world.fileids.get(t)));
  });

  it('from the config file\'s "auth", which --debug never shows', async () => {
    const config = join(world.dir, 'legacy.json');
    await mkdir(world.dir, { recursive: true });
    await writeFile(config, JSON.stringify({ endpoint: world.emulator.apiUrl, auth: world.emulator.seeded.authToken }), { mode: 0o600 });
    const result = await world.run(['--debug', '-f', config, '--list'], {
      env: { PCLOUD_ACCESS_TOKEN: undefined, PCLOUD_ENDPOINT: undefined },
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Mix\t3 tracks\n');
    expect(result.stderr).toContain('collection_list');
    expect(result.stderr).not.toContain(world.emulator.seeded.authToken);
    expect(JSON.parse(await readFile(config, 'utf8'))).toMatchObject({ auth: world.emulator.seeded.authToken });
  });

  it('over the binary protocol too (--transport binary)', async () => {
    const config = join(world.dir, 'binary.json');
    await writeFile(config, JSON.stringify({ endpoint: world.emulator.apiUrl, 'binary-api-port': world.emulator.binaryPlainPort }), {
      mode: 0o600,
    });
    await world.write('Binary.m3u', m3u);
    const env = { PCLOUD_ACCESS_TOKEN: undefined, PCLOUD_ENDPOINT: undefined, PCLOUD_AUTH: world.emulator.seeded.authToken };
    const result = await world.run(['--debug', '-f', config, '--transport', 'binary', '--prefix', '/home/me/Music', 'Binary.m3u'], { env });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('created "Binary": 3 tracks\n');
    expect(result.stderr).toMatch(/^binary collection_create/m);
    expect((await world.playlist('Binary'))?.fileids).toEqual(tracks.map((t) => world.fileids.get(t)));
  });
});
