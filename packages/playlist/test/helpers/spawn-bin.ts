import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { MusicWorld } from './music-emulator.js';

/** What a spawned run printed and answered. */
export interface SpawnResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the `pcloud-playlist` script `bin` in a child process against the world's emulator, with
 * `env` added and `nodeOptions` before the script; killed after 20 s (a read that blocks forever).
 */
export function spawnPlaylist(
  bin: string,
  world: MusicWorld,
  args: string[],
  env: Record<string, string> = {},
  nodeOptions: string[] = [],
): Promise<SpawnResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeOptions, bin, ...args], {
      cwd: world.dir,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: world.dir,
        PCLOUD_CONFIG: join(world.dir, 'pcloud.json'),
        PCLOUD_ENDPOINT: world.emulator.apiUrl,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 20_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
