/**
 * Opens the socket of one binary-protocol connection: TLS (pCloud's port 8399, SNI = host name,
 * the extra CA trusted beside the system ones) or plain TCP (8398), within the connect timeout.
 */
import net from 'node:net';
import tls from 'node:tls';

/** Where and how to connect. */
export interface ConnectOptions {
  host: string;
  port: number;
  /** TLS (default) or plain TCP. */
  tls: boolean;
  /** Extra trusted CA certificate(s) in PEM. */
  ca?: string | Buffer | Array<string | Buffer>;
  /** Time allowed for TCP connect plus TLS handshake, in ms. */
  connectTimeoutMs: number;
}

/**
 * Connects, or rejects with the socket's error (a `TimeoutError` when the connect timeout expired);
 * each waiting call maps it to a TransportError naming its own method.
 */
export function connectSocket(options: ConnectOptions): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const { host, port } = options;
    const socket = options.tls
      ? tls.connect({
          host,
          port,
          // SNI carries host names only, never IP addresses.
          ...(net.isIP(host) ? {} : { servername: host }),
          ...(options.ca !== undefined ? { ca: [...tls.rootCertificates, ...[options.ca].flat()] } : {}),
        })
      : net.connect({ host, port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(Object.assign(new Error(`connect timeout to ${host}:${port}`), { name: 'TimeoutError', event: 'connect', code: 'ETIMEDOUT' }));
    }, options.connectTimeoutMs);
    const failed = (error: Error): void => {
      clearTimeout(timer);
      socket.destroy();
      reject(error);
    };
    socket.once('error', failed);
    socket.once(options.tls ? 'secureConnect' : 'connect', () => {
      clearTimeout(timer);
      socket.off('error', failed);
      socket.setNoDelay(true);
      resolve(socket);
    });
  });
}
