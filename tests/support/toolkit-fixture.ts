/**
 * One emulator (legacy mode, so playlists and token lists work) with recognisable secrets, a
 * seeded remote tree and playlist, and a local folder holding the user's files, playlists, home
 * and config file — everything a bad-input case must leave unchanged.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type PCloudClient } from '@pcloud/core';
import { createEmulator, DEMO_APP, type Emulator } from '@pcloud/emulator';

/** The recognisable token values of a fixture; none may ever be printed. */
export interface FixtureSecrets {
  /** The seeded account's working OAuth access token. */
  accessToken: string;
  /** A working legacy `auth` token. */
  auth: string;
  /** An `auth` token that expired yesterday. */
  expiredAuth: string;
  /** An OAuth token revoked by `deletetoken`. */
  revokedAccessToken: string;
  /** A token of an account in the other region (the emulator answers 2094). */
  foreignAccessToken: string;
  /** A second working OAuth token, for logging in and out. */
  spareAccessToken: string;
}

/** A running emulator, its secrets, a client for snapshots and the local folder. */
export interface ToolkitFixture {
  emulator: Emulator;
  secrets: FixtureSecrets;
  client: PCloudClient;
  /** Working directory of every run; holds home/, files/, playlists/ and music/. */
  local: string;
  home: string;
  configFile: string;
  close(): Promise<void>;
}

const DAY = 86_400;

/** A distinctive secret: grep-able in any output. */
function secret(kind: string): string {
  return `SECRET-${kind}-${randomBytes(12).toString('hex')}`;
}

async function seedLocal(local: string): Promise<void> {
  for (const dir of ['home', 'files/tree/sub', 'playlists/garbage-dir.m3u', 'music/Artist/Album'])
    await mkdir(join(local, dir), { recursive: true });
  await writeFile(join(local, 'files/a.txt'), 'alpha\n');
  await writeFile(join(local, 'files/tree/sub/b.txt'), 'beta\n');
  await writeFile(join(local, 'music/Artist/Album/01 Intro.mp3'), 'mp3');
  // Entries are relative to the playlist's folder: ../music/… is Artist/… under --prefix music.
  await writeFile(join(local, 'playlists/good.m3u'), '#EXTM3U\n#EXTINF:1,Intro\n../music/Artist/Album/01 Intro.mp3\n');
  await writeFile(join(local, 'playlists/binary.m3u'), randomBytes(4096));
  await writeFile(join(local, 'playlists/empty.m3u'), '');
  await writeFile(join(local, 'playlists/long-line.m3u'), `${'x'.repeat(200_000)}.mp3\n`);
  await writeFile(join(local, 'playlists/missing-track.m3u'), '../music/Artist/Album/02 Not There.mp3\n');
  await writeFile(join(local, 'playlists/web.m3u'), 'https://radio.example.invalid/stream.mp3\n');
  await writeFile(join(local, 'playlists/cache.json'), '{"folder": "/Music", "files": [');
}

/** Starts the fixture; `close()` stops the emulator and removes the local folder. */
export async function startToolkitFixture(): Promise<ToolkitFixture> {
  const accessToken = secret('TOKEN');
  const foreignAccessToken = secret('FOREIGN');
  const emulator = await createEmulator({ legacy: true, seed: { accessToken, foreignRegionTokens: [foreignAccessToken] } });
  const identity = emulator.state.identity;
  const now = emulator.state.now();
  const { userid } = emulator.seeded;
  const auth = identity.issueToken(userid, 'auth', { device: 'bad-input suite', now, value: secret('AUTH') }).value;
  const expiredAuth = identity.issueToken(userid, 'auth', {
    device: 'expired',
    now: now - 3 * DAY,
    expiresIn: DAY,
    inactiveExpiresIn: DAY,
    value: secret('EXPIRED'),
  }).value;
  const app = identity.apps.get(DEMO_APP.clientId)!;
  const revoked = identity.issueAppToken(app, userid, now, secret('REVOKED'));
  identity.revoke(revoked.tokenid);
  const spare = identity.issueAppToken(app, userid, now, secret('SPARE'));
  await emulator.seedFile('/Music/Artist/Album/01 Intro.mp3', 'mp3');
  await emulator.seedFile('/docs/readme.txt', 'read me');
  const client = createClient({ endpoint: emulator.apiUrl, accessToken });
  const intro = await client.call('stat', { path: '/Music/Artist/Album/01 Intro.mp3' });
  await client.call('collection_create', { name: 'Existing', fileids: String(intro.metadata.fileid) });
  const local = await mkdtemp(join(tmpdir(), 'pcloud-toolkit-'));
  await seedLocal(local);
  return {
    emulator,
    secrets: { accessToken, auth, expiredAuth, revokedAccessToken: revoked.value, foreignAccessToken, spareAccessToken: spare.value },
    client,
    local,
    home: join(local, 'home'),
    configFile: join(local, 'home', 'pcloud.json'),
    close: async () => {
      await client.close();
      await emulator.close();
      await rm(local, { recursive: true, force: true });
    },
  };
}
