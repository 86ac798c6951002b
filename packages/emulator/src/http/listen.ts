/** Starts an HTTP or HTTPS listener for a request handler and stops it, connections included. */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { trackConnections } from '../track-connections.js';

/** Key and certificate (PEM) to serve HTTPS. */
export interface TlsMaterial {
  key: string;
  cert: string;
}

/** A started listener. */
export interface Listener {
  server: Server;
  /** `host:port` as clients write it (IPv6 in brackets). */
  hostPort: string;
  close(): Promise<void>;
}

/**
 * Listens on `host:port` (port 0 picks a free one). A connection on which nothing moves for
 * `idleTimeoutMs` (a request body that stopped arriving, an answer nobody reads) is closed.
 */
export async function listen(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  host: string,
  port: number,
  tls: TlsMaterial | undefined,
  idleTimeoutMs: number,
): Promise<Listener> {
  const server: Server = tls ? createHttpsServer({ key: tls.key, cert: tls.cert }, handler) : createHttpServer(handler);
  // Large uploads may take minutes as long as bytes keep coming: no limit on a whole request,
  // only on silence (the socket timeout, which destroys the socket as no listener handles it).
  server.requestTimeout = 0;
  server.timeout = idleTimeoutMs;
  server.keepAliveTimeout = 65_000;
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const dropConnections = trackConnections(server);
  const address = server.address() as AddressInfo;
  const hostPort = address.family === 'IPv6' ? `[${address.address}]:${address.port}` : `${address.address}:${address.port}`;
  return {
    server,
    hostPort,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        dropConnections();
      }),
  };
}
