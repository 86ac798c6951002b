/** Raw HTTP over one TCP connection, for what fetch hides: closed connections, keep-alive state, bad bytes. */
import { connect, type Socket } from 'node:net';

/** Sends raw bytes on a new connection; resolves with everything received until the server closes or `idleMs` passes. */
export function rawExchange(hostPort: string, request: Buffer | string, idleMs = 200): Promise<{ data: string; closedByServer: boolean }> {
  const [host, port] = [hostPort.slice(0, hostPort.lastIndexOf(':')), Number(hostPort.slice(hostPort.lastIndexOf(':') + 1))];
  return new Promise((resolve) => {
    const socket: Socket = connect(port, host);
    const chunks: Buffer[] = [];
    let timer = setTimeout(() => finish(false), idleMs);
    const finish = (closedByServer: boolean): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ data: Buffer.concat(chunks).toString('utf8'), closedByServer });
    };
    socket.on('data', (chunk) => {
      chunks.push(chunk);
      clearTimeout(timer);
      timer = setTimeout(() => finish(false), idleMs);
    });
    socket.on('close', () => finish(true));
    socket.on('error', () => finish(true));
    socket.write(request);
  });
}
