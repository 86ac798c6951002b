import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type PCloudClient } from '@pcloud/core';
import { createEmulator, type Emulator } from '@pcloud/emulator';

/** An emulator on its own data dir that a test stops and starts again on the same ports, as a server that goes away and comes back. */
export interface RestartableEmulator {
  /** The running one (after a restart, the new one: same URLs, token and files). */
  emulator: Emulator;
  /** Stops it: open connections are cut, new ones refused. */
  stop(): Promise<void>;
  /** Starts it again on the same ports and data dir. */
  start(): Promise<Emulator>;
  /** A client of the running one, for checks. */
  client(): PCloudClient;
  close(): Promise<void>;
}

/** Starts an emulator on a fresh data dir. */
export async function startRestartable(): Promise<RestartableEmulator> {
  const dataDir = await mkdtemp(join(tmpdir(), 'pcutil-restartable-'));
  let emulator = await createEmulator({ dataDir });
  let running = true;
  const ports = {
    port: Number(new URL(emulator.apiUrl).port),
    downloadPort: Number(emulator.downloadHost.split(':')[1]),
    binaryPort: emulator.binaryPort,
  };
  let client: PCloudClient | undefined;
  const stop = async (): Promise<void> => {
    running = false;
    await client?.close();
    client = undefined;
    await emulator.close();
  };
  const restartable: RestartableEmulator = {
    emulator,
    stop,
    async start() {
      emulator = await createEmulator({ dataDir, ...ports });
      running = true;
      restartable.emulator = emulator;
      return emulator;
    },
    client() {
      client ??= createClient({ endpoint: emulator.apiUrl, accessToken: emulator.token, retry: { minDelayMs: 5, maxDelayMs: 20 } });
      return client;
    },
    close: () => (running ? stop() : Promise.resolve()),
  };
  return restartable;
}
