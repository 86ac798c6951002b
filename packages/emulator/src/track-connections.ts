/**
 * Every connection a listener accepted, so closing it can drop them all. Raw sockets are
 * tracked from `connection`: a TLS client that hangs up mid-handshake never becomes a served
 * socket, and Node may keep its raw socket open (seen on Node 24.22), so `server.close()` would
 * wait on it forever.
 */
import type { Server, Socket } from 'node:net';

/** Starts tracking `server`'s connections; the returned function destroys those still open. */
export function trackConnections(server: Server): () => void {
  const open = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  });
  return () => {
    for (const socket of open) socket.destroy();
  };
}
