/**
 * The emulator's binary-protocol listeners (pcloud-api.md §9.1): plain TCP (pCloud's port 8398)
 * and, when the emulator has a certificate, TLS (8399). Both serve the same dispatcher as HTTP.
 */
import net from 'node:net';
import tls from 'node:tls';
import type { Dispatcher } from '../api/dispatcher.js';
import { trackConnections } from '../track-connections.js';
import { serveBinaryConnection } from './binary-connection.js';

/** Options of {@link startBinaryListeners}. */
export interface BinaryListenerOptions {
  dispatcher: Dispatcher;
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** TLS port (0 = any free port); only used with `tls`. */
  port?: number;
  /** Plain TCP port (0 = any free port). */
  plainPort?: number;
  /** Server key and certificate (PEM); without them there is no TLS listener. */
  tls?: { key: string | Buffer; cert: string | Buffer };
  /** Answer in the long form (type-3 strings, type-15 integers). */
  longForm?: boolean;
  /** A connection on which nothing moves this long is closed (0: never). */
  idleTimeoutMs?: number;
}

/** The running listeners. */
export interface BinaryListeners {
  /** TLS port, when TLS is on. */
  port: number | undefined;
  /** Plain TCP port. */
  plainPort: number;
  /** Stops listening and drops every open binary connection. */
  close(): Promise<void>;
}

/** Starts the plain (and, with a certificate, the TLS) binary listener. */
export async function startBinaryListeners(options: BinaryListenerOptions): Promise<BinaryListeners> {
  const host = options.host ?? '127.0.0.1';
  const serve = (socket: net.Socket): void => {
    socket.setNoDelay(true);
    // Half a request that never completes, or a client gone silent, must not hold a descriptor forever.
    if (options.idleTimeoutMs) {
      socket.setTimeout(options.idleTimeoutMs);
      socket.on('timeout', () => socket.destroy());
    }
    serveBinaryConnection(socket, { dispatcher: options.dispatcher, longForm: options.longForm === true });
  };
  // allowHalfOpen: a client may send its requests and half-close; it still gets every answer.
  const plain = net.createServer({ allowHalfOpen: true }, serve);
  const secure = options.tls ? tls.createServer({ key: options.tls.key, cert: options.tls.cert, allowHalfOpen: true }, serve) : undefined;
  // A failed TLS handshake is that client's problem, never the server's.
  secure?.on('tlsClientError', () => {});
  const servers = secure ? [plain, secure] : [plain];
  const dropConnections = servers.map(trackConnections);
  try {
    await listen(plain, host, options.plainPort ?? 0);
    if (secure) await listen(secure, host, options.port ?? 0);
  } catch (error) {
    for (const server of servers) server.close();
    throw error;
  }
  // Failures after start-up (an accept hitting the file limit) must not take the emulator down.
  for (const server of servers) server.on('error', () => {});
  return {
    port: secure ? portOf(secure) : undefined,
    plainPort: portOf(plain),
    async close() {
      const closing = servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve())));
      for (const drop of dropConnections) drop();
      await Promise.all(closing);
    },
  };
}

function listen(server: net.Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function portOf(server: net.Server): number {
  return (server.address() as net.AddressInfo).port;
}
