/**
 * pCloud going away while playlists are written: the emulator is stopped in the middle of the
 * collection calls and started again on the same ports and data dir. The wait before the tool
 * gives up is shortened through PCLOUD_OUTAGE_WAIT; nothing here is timed.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createClient } from '@pcloud/core';
import { getCollection, listCollections } from '@pcloud/core/internal';
import { createEmulator, type Emulator } from '@pcloud/emulator';
import { afterEach, expect, it } from 'vitest';
import { run } from '../../src/run.js';
import { createMusicWorld, libraryTracks, type MusicWorld } from '../helpers/music-emulator.js';

const NAMES = ['P1', 'P2', 'P3', 'P4'];
const TRACKS = 40;
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A legacy-mode music world on a data dir, with four playlists of 40 tracks to write, and a way to restart its emulator. */
async function restartableWorld(): Promise<{ world: MusicWorld; current(): Emulator; stop(): Promise<void>; start(): Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'playlist-outage-'));
  const world = await createMusicWorld({ legacy: true, dataDir });
  for (const [index, name] of NAMES.entries()) {
    const tracks = libraryTracks().slice(index * TRACKS, (index + 1) * TRACKS);
    await world.write(`${name}.m3u`, tracks.map((track) => `/home/me/Music/${track}`).join('\n'));
  }
  let emulator = world.emulator;
  let running = true;
  const ports = {
    port: Number(new URL(emulator.apiUrl).port),
    downloadPort: Number(emulator.downloadHost.split(':')[1]),
    binaryPort: emulator.binaryPort,
  };
  cleanups.push(async () => {
    if (running) await emulator.close();
  });
  return {
    world,
    current: () => emulator,
    async stop() {
      running = false;
      await emulator.close();
    },
    async start() {
      emulator = await createEmulator({ dataDir, legacy: true, ...ports });
      running = true;
    },
  };
}

/** Runs the tool in-process with the world's settings; its standard error can be read while it runs. */
function runLive(
  world: MusicWorld,
  argv: readonly string[],
  env: Record<string, string> = {},
): { stderr(): string; done: Promise<{ code: number; stdout: string; stderr: string }> } {
  let stdout = '';
  let stderr = '';
  const done = run(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdin: Readable.from([]),
    env: {
      PCLOUD_CONFIG: join(world.dir, 'config', 'pcloud.json'),
      PCLOUD_ENDPOINT: world.emulator.apiUrl,
      PCLOUD_ACCESS_TOKEN: world.emulator.token,
      ...env,
    },
    cwd: world.dir,
    isTTY: false,
  }).then((code) => ({ code, stdout, stderr }));
  return { stderr: () => stderr, done };
}

/** Resolves once `ready()` holds (checked every 5 ms). */
async function until(ready: () => boolean): Promise<void> {
  while (!ready()) await new Promise((resolve) => setTimeout(resolve, 5));
}

/** Every playlist of the account by name, each name once, with its file ids in order. */
async function playlists(emulator: Emulator): Promise<Map<string, number[]>> {
  const client = createClient({ endpoint: emulator.apiUrl, auth: emulator.seeded.authToken });
  try {
    const found = new Map<string, number[]>();
    for (const collection of await listCollections(client, { type: 1 })) {
      if (collection.system) continue;
      expect(found.has(collection.name), `${collection.name} twice`).toBe(false);
      const details = await getCollection(client, collection.id);
      found.set(
        collection.name,
        (details.contents ?? []).map((file) => file.fileid),
      );
    }
    return found;
  } finally {
    await client.close();
  }
}

const wanted = (world: MusicWorld): Map<string, number[]> =>
  new Map(
    NAMES.map((name, index) => [
      name,
      libraryTracks()
        .slice(index * TRACKS, (index + 1) * TRACKS)
        .map((track) => world.fileids.get(track) as number),
    ]),
  );

const ARGS = ['--prefix', '/home/me/Music', '--chunk-size', '10', ...NAMES.map((name) => `${name}.m3u`)];

it('stops when pCloud stays away, says which playlists were not written and exits 1; the same command again writes them', {
  timeout: 60_000,
}, async () => {
  const server = await restartableWorld();
  // Each playlist is a create and three links; the emulator stops during the second playlist's links.
  server.current().faults.set({ rules: [{ methods: ['collection_linkfiles'], latencyMs: 100 }] });
  const live = runLive(server.world, ARGS, { PCLOUD_OUTAGE_WAIT: '0.5' });
  await until(() => server.current().faults.tally.delayed >= 5);
  const port = new URL(server.current().apiUrl).port;
  await server.stop();
  const stopped = await live.done;
  expect(stopped.code).toBe(1);
  expect(stopped.stdout).toBe('created "P1": 40 tracks\n');
  expect(stopped.stderr).toMatch(
    new RegExp(
      `^pcloud-playlist: stopped: pCloud has been unreachable since \\d\\d:\\d\\d:\\d\\d \\(connection refused by 127\\.0\\.0\\.1:${port}\\); 3 playlist\\(s\\) not written: "P2", "P3", "P4"$`,
      'm',
    ),
  );
  expect(stopped.stderr).toMatch(/^hint: run the same command again to write them$/m);

  await server.start();
  const again = await runLive(server.world, ARGS).done;
  expect(again.code, again.stderr).toBe(0);
  expect(await playlists(server.current())).toEqual(wanted(server.world));
});

it('waits for pCloud to come back and writes every playlist once, whole', { timeout: 60_000 }, async () => {
  const server = await restartableWorld();
  server.current().faults.set({ rules: [{ methods: ['collection_create', 'collection_linkfiles'], latencyMs: 50 }] });
  const live = runLive(server.world, ARGS, { PCLOUD_OUTAGE_WAIT: '120' });
  await until(() => server.current().faults.tally.delayed >= 6);
  await server.stop();
  await until(() => live.stderr().includes('pCloud unreachable since'));
  await server.start();
  const ended = await live.done;
  expect(ended.code, ended.stderr).toBe(0);
  expect(ended.stderr).toMatch(/^pcloud-playlist: pCloud answers again after \d+ s; carrying on$/m);
  expect(ended.stdout).toBe(NAMES.map((name) => `created "${name}": 40 tracks\n`).join(''));
  expect(await playlists(server.current())).toEqual(wanted(server.world));
});

it('never leaves two playlists when pCloud goes away while one is being created', { timeout: 60_000 }, async () => {
  const server = await restartableWorld();
  // The emulator stops while it holds the second create: it may have made the playlist when it goes.
  server.current().faults.set({ rules: [{ methods: ['collection_create'], latencyMs: 200 }] });
  const live = runLive(server.world, ARGS, { PCLOUD_OUTAGE_WAIT: '120' });
  await until(() => server.current().faults.tally.delayed >= 2);
  await server.stop();
  await until(() => live.stderr().includes('pCloud unreachable since'));
  await server.start();
  const ended = await live.done;
  expect(ended.code, ended.stderr).toBe(0);
  expect(await playlists(server.current())).toEqual(wanted(server.world));
});
