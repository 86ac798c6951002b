/** An emulator over real sockets and a client of its seeded account, for the file helper tests. */
import { createEmulator, type Emulator, type EmulatorOptions } from '@pcloud/emulator';
import { createClient, type ClientOptions, type PCloudClient } from '../../../src/index.js';

/** A running emulator with a client; `close()` stops both. */
export interface FilesFixture {
  emu: Emulator;
  client: PCloudClient;
  /** `method` names of every API call the client sent, in order (read from its debug log). */
  sent: string[];
  /** Another client of the same emulator (e.g. with other retry settings). */
  newClient(options?: ClientOptions): PCloudClient;
  close(): Promise<void>;
}

/** Starts an emulator (plain HTTP unless `tls`) and a client with fast retries. */
export async function startFiles(options: EmulatorOptions = {}, clientOptions: ClientOptions = {}): Promise<FilesFixture> {
  const emu = await createEmulator(options);
  const sent: string[] = [];
  const clients: PCloudClient[] = [];
  const newClient = (extra: ClientOptions = {}): PCloudClient => {
    const client = createClient({
      endpoint: emu.apiUrl,
      accessToken: emu.token,
      ...(emu.ca ? { ca: emu.ca } : {}),
      retry: { minDelayMs: 5, maxDelayMs: 20 },
      logger: (line) => {
        const match = /^(?:http|binary) (\w+) /.exec(line);
        if (match?.[1]) sent.push(match[1]);
      },
      ...clientOptions,
      ...extra,
    });
    clients.push(client);
    return client;
  };
  const client = newClient();
  return {
    emu,
    client,
    sent,
    newClient,
    async close() {
      await Promise.all(clients.map((c) => c.close()));
      await emu.close();
    },
  };
}
