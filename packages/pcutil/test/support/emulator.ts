import { createClient, type PCloudClient } from '@pcloud/core';
import { createEmulator, type Emulator, type EmulatorOptions } from '@pcloud/emulator';
import { afterAll, beforeAll } from 'vitest';

/** A running emulator and a client of its seeded account, for the file's tests. */
export interface EmulatorFixture {
  emulator: Emulator;
  client: PCloudClient;
}

/** Starts one emulator (port 0, loopback) for a test file and closes it afterwards. */
export function useEmulator(options: EmulatorOptions = {}): EmulatorFixture {
  const fixture = {} as EmulatorFixture;
  beforeAll(async () => {
    fixture.emulator = await createEmulator(options);
    fixture.client = createClient({
      endpoint: fixture.emulator.apiUrl,
      accessToken: fixture.emulator.token,
      retry: { retries: 6, minDelayMs: 5, maxDelayMs: 20 },
    });
  });
  afterAll(async () => {
    await fixture.client?.close();
    await fixture.emulator?.close();
  });
  return fixture;
}
