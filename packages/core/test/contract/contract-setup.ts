/**
 * The one contract suite runs against the emulator through every transport: this file says how
 * to reach it with each one. Each suite run gets its own emulator (TLS on, fresh state).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmulator, type Emulator } from '@pcloud/emulator';
import { createClient, type PCloudClient } from '../../src/client/create-client.js';
import type { ClientOptions } from '../../src/client/client-options.js';

/** The transports the suite runs over. */
export const TRANSPORTS = [{ transport: 'http' }, { transport: 'binary' }] as const;

export type TransportName = (typeof TRANSPORTS)[number]['transport'];

/** A running emulator, a client factory over one transport, and a scratch folder. */
export interface ContractContext {
  emu: Emulator;
  dir: string;
  /** A client over the suite's transport (the seeded token unless options say otherwise). */
  client(options?: ClientOptions): PCloudClient;
  close(): Promise<void>;
}

/** Starts an emulator and returns clients that reach it over `transport`. */
export async function startContract(
  transport: TransportName,
  emulatorOptions: Parameters<typeof createEmulator>[0] = {},
): Promise<ContractContext> {
  const emu = await createEmulator({ tls: true, ...emulatorOptions });
  const dir = await mkdtemp(join(tmpdir(), `pcloud-contract-${transport}-`));
  const clients: PCloudClient[] = [];
  return {
    emu,
    dir,
    client(options = {}) {
      const created = createClient({
        endpoint: emu.apiUrl,
        accessToken: emu.token,
        ca: emu.ca,
        retry: false,
        transport,
        ...(transport === 'binary' ? { binaryPort: emu.binaryPort } : {}),
        ...options,
      });
      clients.push(created);
      return created;
    },
    async close() {
      await Promise.all(clients.map((c) => c.close()));
      await emu.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
