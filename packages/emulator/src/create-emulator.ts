/**
 * `createEmulator(options)`: the state, the dispatcher over the method table, and the listeners,
 * on loopback port 0 by default: the API and the download host (HTTP, or HTTPS with `tls`) and
 * the binary protocol (plain TCP, plus TLS with `tls`: four listeners in all).
 */
import { createDispatcher } from './api/dispatcher.js';
import { createMethodTable } from './api/method-table.js';
import type { Emulator, EmulatorOptions } from './emulator-options.js';
import { startBinaryListeners } from './binary/binary-listeners.js';
import { createApiHandler } from './http/api-server.js';
import { createDownloadHandler } from './http/download-server.js';
import { listen, type TlsMaterial } from './http/listen.js';
import { EmulatorState } from './state/emulator-state.js';
import { openPersistence } from './state/persistence.js';
import { createThrowawayCertificate } from './tls.js';

async function tlsMaterial(option: EmulatorOptions['tls']): Promise<(TlsMaterial & { ca?: string }) | undefined> {
  if (!option) return undefined;
  return option === true ? createThrowawayCertificate() : option;
}

/** Silence after which a connection is closed, like a web server's body and send timeouts. */
const DEFAULT_IDLE_TIMEOUT_MS = 60_000;

/** Starts an emulator; resolves once every listener accepts connections. */
export async function createEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const host = options.host ?? '127.0.0.1';
  const tls = await tlsMaterial(options.tls);
  const persistence = options.dataDir === undefined ? undefined : openPersistence(options.dataDir);
  const state = new EmulatorState({
    locationid: options.region === 'us' ? 1 : 2,
    legacy: options.legacy ?? false,
    stickyAuth: options.stickyAuth ?? false,
    faults: options.faults,
    identity: { seed: { ...persistence?.seed, ...options.seed } },
    ...(persistence ? { blobs: persistence.blobs } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.uploadSessions ? { uploadSessions: options.uploadSessions } : {}),
    ...(options.publicLinks ? { publicLinks: options.publicLinks } : {}),
  });
  await persistence?.attach(state);
  const dispatcher = createDispatcher(state, createMethodTable());
  const idle = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  const api = await listen(createApiHandler(state, dispatcher), host, options.port ?? 0, tls, idle);
  const download = await listen(createDownloadHandler(state), host, options.downloadPort ?? 0, tls, idle).catch(async (error: unknown) => {
    await api.close();
    throw error;
  });
  const binary = await startBinaryListeners({
    dispatcher,
    host,
    ...(tls
      ? { tls, port: options.binaryPort ?? 0, plainPort: options.binaryPlainPort ?? 0 }
      : { plainPort: options.binaryPort || options.binaryPlainPort || 0 }),
    longForm: options.binaryLongForm === true,
    idleTimeoutMs: idle,
  }).catch(async (error: unknown) => {
    await Promise.all([api.close(), download.close()]);
    throw error;
  });
  state.apiHost = api.hostPort;
  state.downloadHost = download.hostPort;
  const scheme = tls ? 'https' : 'http';
  state.scheme = scheme;
  const userid = state.identity.seeded.userid;
  return {
    apiUrl: `${scheme}://${api.hostPort}`,
    downloadHost: download.hostPort,
    downloadUrl: `${scheme}://${download.hostPort}`,
    binaryPort: binary.port ?? binary.plainPort,
    binaryPlainPort: binary.plainPort,
    ...(tls?.ca !== undefined ? { ca: tls.ca } : {}),
    token: state.identity.seeded.accessToken,
    seeded: state.identity.seeded,
    state,
    faults: state.faults,
    dispatcher,
    seedFile: (path, content, mtime) => state.files.seedFile(userid, path, content, state.locationid, mtime),
    seedFolder: (path) => state.files.ensureFolderPath(userid, path).id,
    async close() {
      await Promise.all([api.close(), download.close(), binary.close()]);
      // With a data dir, sessions are kept to resume after a restart; without one they end here.
      await persistence?.flush();
      await state.uploads.closeAll(persistence ? 'release' : 'discard');
      await state.files.blobs.close();
    },
  };
}
