/**
 * The client transport over pCloud's binary protocol (pcloud-api.md §9): the endpoint's host on
 * the `binary-api-port` (8399, TLS by default; plain TCP on request or for an `http:` endpoint,
 * 8398 by default), a small pool of persistent connections, and many requests pipelined on each. Credentials travel as the
 * `access_token` or `auth` parameter of every request. Retrying is the client's job: a dropped
 * connection fails its calls with a retryable TransportError.
 */
import { PCloudError, TransportError } from '../errors.js';
import { toTransportError } from '../client/transport-errors.js';
import type { Transport, TransportCallOptions, TransportSettings, WireAnswer, WireParams } from '../client/transport.js';
import { ClientConnection } from './client-connection.js';
import { connectSocket, type ConnectOptions } from './connect-socket.js';
import { encodeRequest } from './encode-request.js';
import type { ParamValue } from './value-types.js';
import { uploadData } from './upload-data.js';

/** pCloud's binary-protocol port over TLS (§9.1), the config's `binary-api-port` default. */
export const BINARY_TLS_PORT = 8399;
/** pCloud's binary-protocol port over plain TCP (§9.1). */
export const BINARY_PLAIN_PORT = 8398;
/** Connections per client: enough to keep uploads from blocking quick calls, few enough to stay polite. */
const POOL_SIZE = 4;

type Slot = { ready: ClientConnection | undefined; opening: Promise<ClientConnection> };

/** Creates the binary transport for resolved client settings (`transport: 'binary'`). */
export function createBinaryTransport(settings: TransportSettings): Transport {
  // Plain TCP when asked, or when the API itself is plain HTTP (a local emulator without TLS).
  const plain = settings.binaryPlain ?? settings.endpoint.protocol === 'http:';
  const target: ConnectOptions = {
    host: settings.endpoint.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: settings.binaryPort ?? (plain ? BINARY_PLAIN_PORT : BINARY_TLS_PORT),
    tls: !plain,
    ...(settings.ca !== undefined ? { ca: settings.ca } : {}),
    connectTimeoutMs: settings.connectTimeoutMs,
  };
  const credentials: Array<[string, string]> = [];
  if (settings.credentials.accessToken !== undefined) credentials.push(['access_token', settings.credentials.accessToken]);
  if (settings.credentials.auth !== undefined) credentials.push(['auth', settings.credentials.auth]);
  const slots: Slot[] = [];
  let closed = false;
  let turn = 0;

  const remove = (slot: Slot): void => {
    const index = slots.indexOf(slot);
    if (index >= 0) slots.splice(index, 1);
  };

  function open(): Slot {
    const slot: Slot = {
      ready: undefined,
      opening: connectSocket(target).then(
        (socket) => {
          slot.ready = new ClientConnection(socket, () => remove(slot));
          if (closed) slot.ready.close();
          return slot.ready;
        },
        (error: unknown) => {
          remove(slot);
          throw error;
        },
      ),
    };
    slots.push(slot);
    settings.log(`binary: connecting to ${target.host}:${target.port}${target.tls ? ' (TLS)' : ''}`);
    return slot;
  }

  /** An idle connection, else a new one while the pool has room, else the least busy one. */
  function pick(): Promise<ClientConnection> | ClientConnection {
    let best: ClientConnection | undefined;
    for (const { ready } of slots) {
      if (!ready?.isOpen || ready.hasUploads) continue;
      if (!best || ready.load < best.load) best = ready;
    }
    if (best && best.load === 0) return best;
    if (slots.length < POOL_SIZE) return open().opening;
    if (best) return best;
    const slot = slots[turn++ % slots.length] as Slot;
    return slot.ready ?? slot.opening;
  }

  async function call(method: string, params: WireParams, options: TransportCallOptions): Promise<WireAnswer> {
    if (closed) throw new TransportError(`${method}: the client was closed.`);
    const data = options.body ? uploadData(method, options.body) : undefined;
    const entries: Array<[string, ParamValue]> = [];
    for (const [name, value] of Object.entries(params)) if (value !== undefined) entries.push([name, value]);
    if (data?.filename !== undefined && params.filename === undefined) entries.push(['filename', data.filename]);
    entries.push(...credentials);
    const frame = encodeRequest(method, entries, data?.length);
    const chosen = pick();
    let connection: ClientConnection;
    try {
      connection = chosen instanceof ClientConnection ? chosen : await chosen;
    } catch (error) {
      throw toTransportError(method, error);
    }
    if (options.signal?.aborted) throw new PCloudError('ABORTED', `${method}: the call was aborted.`);
    return connection.send(method, frame, {
      data,
      signal: options.signal,
      onProgress: options.onProgress,
      timeoutMs: options.timeoutMs ?? settings.idleTimeoutMs,
    });
  }

  return {
    kind: 'binary',
    call,
    async close() {
      closed = true;
      for (const slot of [...slots]) slot.ready?.close();
    },
  };
}
