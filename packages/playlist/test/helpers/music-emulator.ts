import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { createClient, type PCloudClient } from '@pcloud/core';
import { forgetSecrets, getCollection, listCollections } from '@pcloud/core/internal';
import { createEmulator, type Emulator, type EmulatorOptions } from '@pcloud/emulator';
import { run } from '../../src/run.js';

/** Artists of the seeded library: UTF-8 names, spaces, `&`, an apostrophe, CJK. */
export const ARTISTS = [
  'Björk',
  'Simon & Garfunkel',
  'Sigur Rós',
  'Mötley Crüe',
  "Guns N' Roses",
  'Hüsker Dü',
  'Earth, Wind & Fire',
  'Café Tacvba',
  '坂本龍一',
  'The Beatles',
  'Nina Simone',
  'Of Monsters and Men',
] as const;

const EXTENSIONS = ['.mp3', '.flac', '.m4a', '.MP3'];

/** The relative paths of the seeded tracks: 12 artists × 3 albums × 8 tracks = 288 music files. */
export function libraryTracks(): string[] {
  const tracks: string[] = [];
  for (const [a, artist] of ARTISTS.entries()) {
    for (let album = 1; album <= 3; album += 1) {
      for (let track = 1; track <= 8; track += 1) {
        const extension = EXTENSIONS[(a + album + track) % EXTENSIONS.length] as string;
        tracks.push(`${artist}/Album ${album} & Friends/${String(track).padStart(2, '0')} Song ${track} (Live)${extension}`);
      }
    }
  }
  return tracks;
}

/** A running emulator with the music library, a temp folder, and the tool run in-process. */
export interface MusicWorld {
  emulator: Emulator;
  dir: string;
  /** fileid of each seeded track by relative path. */
  fileids: Map<string, number>;
  /** API calls the emulator answered since the last {@link MusicWorld.resetCalls}, by method. */
  calls: Map<string, number>;
  resetCalls(): void;
  /** The file ids of the playlist of that name in order, or undefined when there is none (legacy mode). */
  playlist(name: string): Promise<{ id: number; fileids: number[] } | undefined>;
  /** Runs `pcloud-playlist` in-process with the world's config; `env` adds or overrides variables. */
  run(argv: readonly string[], options?: { env?: Record<string, string | undefined>; cwd?: string }): Promise<RunResult>;
  /** Writes a local file (folders created) and answers its absolute path. */
  write(path: string, content: string | Buffer): Promise<string>;
  close(): Promise<void>;
}

/** What a run printed and answered. */
export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Starts an emulator seeded with the library (and a cover and a text file per album). */
export async function createMusicWorld(options: EmulatorOptions & { extraTracks?: readonly string[] } = {}): Promise<MusicWorld> {
  const emulator = await createEmulator(options);
  const dir = await mkdtemp(join(tmpdir(), 'pcloud-playlist-'));
  const fileids = new Map<string, number>();
  for (const track of [...libraryTracks(), ...(options.extraTracks ?? [])]) {
    fileids.set(track, await emulator.seedFile(`/Music/${track}`, `audio:${track}`));
  }
  for (const artist of ARTISTS) {
    await emulator.seedFile(`/Music/${artist}/Album 1 & Friends/cover.jpg`, 'jpeg');
    await emulator.seedFile(`/Music/${artist}/notes.txt`, 'text');
  }
  // Count at the server what the tool really sent (its own retries included).
  const calls = new Map<string, number>();
  const dispatch = emulator.dispatcher.dispatch.bind(emulator.dispatcher);
  emulator.dispatcher.dispatch = (request) => {
    calls.set(request.method, (calls.get(request.method) ?? 0) + 1);
    return dispatch(request);
  };
  let inspector: PCloudClient | undefined;
  const baseEnv = {
    PCLOUD_CONFIG: join(dir, 'config', 'pcloud.json'),
    PCLOUD_ENDPOINT: emulator.apiUrl,
    PCLOUD_ACCESS_TOKEN: emulator.token,
  };
  return {
    emulator,
    dir,
    fileids,
    calls,
    resetCalls: () => calls.clear(),
    async playlist(name) {
      inspector ??= createClient({ endpoint: emulator.apiUrl, auth: emulator.seeded.authToken });
      const found = (await listCollections(inspector, { type: 1 })).find((collection) => collection.name === name);
      if (!found) return undefined;
      const details = await getCollection(inspector, found.id);
      return { id: found.id, fileids: (details.contents ?? []).map((file) => file.fileid) };
    },
    async run(argv, runOptions = {}) {
      // As a new process would: no secret registered by an earlier run hides what this one prints.
      forgetSecrets();
      let stdout = '';
      let stderr = '';
      const env = { ...baseEnv, ...runOptions.env };
      const code = await run(argv, {
        stdout: { write: (text: string) => (stdout += text) },
        stderr: { write: (text: string) => (stderr += text) },
        stdin: Readable.from([]),
        env,
        cwd: runOptions.cwd ?? dir,
        isTTY: false,
      });
      return { code, stdout, stderr };
    },
    async write(path, content) {
      const full = join(dir, path);
      await mkdir(dirname(full), { recursive: true });
      await writeFile(full, content);
      return full;
    },
    async close() {
      await inspector?.close();
      await emulator.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
