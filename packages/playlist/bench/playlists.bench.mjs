// `pnpm bench` (after `pnpm build`): pcloud-playlist against the emulator (legacy mode), through the
// bundled bin. A library of 20,000 tracks and 50 playlists of 500 tracks each:
// - cold: no cache file and no playlist on the account — one listing, then every playlist created;
// - warm: the cache file present, the playlists deleted again — no listing, the same creations;
// - re-run: cache and playlists present and unchanged — what a routine re-run costs.
// API calls are counted at the emulator, by method. Numbers only: this asserts nothing.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from '@pcloud/core';
import { deleteCollection, listCollections } from '@pcloud/core/internal';
import { createEmulator } from '@pcloud/emulator';

const TRACKS = 20_000;
const PLAYLISTS = 50;
const PER_PLAYLIST = 500;
const CHUNK = Number(process.env.PLAYLIST_BENCH_CHUNK ?? 100);

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const bin = join(packageDir, 'bin/pcloud-playlist.js');
if (!existsSync(join(packageDir, 'dist/bin/pcloud-playlist.js'))) {
  console.error('pcloud-playlist is not built: run `pnpm build` first');
  process.exit(1);
}

const work = await mkdtemp(join(tmpdir(), 'playlist-bench-'));
const emulator = await createEmulator({ legacy: true });
const calls = new Map();
const dispatch = emulator.dispatcher.dispatch.bind(emulator.dispatcher);
emulator.dispatcher.dispatch = (request) => {
  calls.set(request.method, (calls.get(request.method) ?? 0) + 1);
  return dispatch(request);
};

// 100 artists × 10 albums × 20 tracks, with the names real libraries have.
const tracks = [];
for (let artist = 0; artist < 100; artist++) {
  for (let album = 0; album < 10; album++) {
    for (let track = 0; track < 20; track++) {
      tracks.push(
        `Artist ${artist} & Band/Album ${album} (Deluxe Édition)/${String(track + 1).padStart(2, '0')} Track ${track} — ${artist}.${['mp3', 'flac', 'm4a'][track % 3]}`,
      );
    }
  }
}
let seeded = performance.now();
for (const track of tracks) await emulator.seedFile(`/Music/${track}`, track);
seeded = (performance.now() - seeded) / 1000;

// Each playlist takes 500 tracks spread over the whole library.
const files = [];
for (let p = 0; p < PLAYLISTS; p++) {
  const lines = ['#EXTM3U'];
  for (let i = 0; i < PER_PLAYLIST; i++) lines.push(`#EXTINF:-1,x\n/home/me/Music/${tracks[(p * 397 + i * 40) % TRACKS]}`);
  const file = join(work, 'lists', `Playlist ${String(p).padStart(2, '0')}.m3u`);
  await mkdir(join(work, 'lists'), { recursive: true });
  await writeFile(file, `${lines.join('\n')}\n`);
  files.push(file);
}

const env = {
  PATH: process.env.PATH ?? '',
  HOME: work,
  PCLOUD_ENDPOINT: emulator.apiUrl,
  PCLOUD_AUTH: emulator.seeded.authToken,
  PCLOUD_CONFIG: join(work, 'pcloud.json'),
};
const cache = join(work, 'music-cache.json');

function runBin() {
  return new Promise((resolve, reject) => {
    const args = [bin, '--prefix', '/home/me/Music', '--cache-file', cache, '--chunk-size', String(CHUNK), ...files];
    const started = performance.now();
    const child = spawn(process.execPath, args, { env, cwd: work, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`pcloud-playlist exited ${code}: ${stderr.slice(0, 500)}`));
      else resolve((performance.now() - started) / 1000);
    });
  });
}

async function deletePlaylists() {
  const client = createClient({ endpoint: emulator.apiUrl, auth: emulator.seeded.authToken });
  for (const collection of await listCollections(client, { type: 1 })) {
    if (!collection.system) await deleteCollection(client, collection.id);
  }
  await client.close();
}

const rows = [];
async function measure(label) {
  calls.clear();
  const seconds = await runBin();
  const count = (method) => calls.get(method) ?? 0;
  const total = [...calls.values()].reduce((a, b) => a + b, 0);
  const writes = count('collection_create') + count('collection_linkfiles');
  rows.push({
    label,
    seconds,
    total,
    listing: count('listfolder'),
    writes,
    perPlaylist: writes / PLAYLISTS,
    other: total - count('listfolder') - writes,
  });
}

await measure('cold (no cache)');
await deletePlaylists();
await measure('warm (cache)');
await measure('re-run, unchanged');

console.log(
  `library: ${TRACKS} tracks (seeded in ${seeded.toFixed(1)} s), ${PLAYLISTS} playlists × ${PER_PLAYLIST} tracks, --chunk-size ${CHUNK}`,
);
console.log(`goal: 1 listing cold, 0 warm; ${Math.ceil(PER_PLAYLIST / CHUNK)} create/link calls per playlist`);
console.log('run                 wall s   API calls   listfolder   create+link   per playlist   other');
for (const row of rows) {
  console.log(
    `${row.label.padEnd(18)} ${row.seconds.toFixed(2).padStart(7)} ${String(row.total).padStart(11)} ${String(row.listing).padStart(12)} ${String(row.writes).padStart(13)} ${row.perPlaylist.toFixed(1).padStart(14)} ${String(row.other).padStart(7)}`,
  );
}
console.log('other = collection_list once, plus collection_details for each playlist that already exists');

await emulator.close();
await rm(work, { recursive: true, force: true });
