/**
 * A throwaway certificate authority and a server certificate signed by it, so the emulator can
 * serve HTTPS (and TLS on the binary port) to clients that trust only the printed CA.
 */
import { generate } from 'selfsigned';

/** PEM texts: the server's private key and certificate, and the CA certificate clients should trust. */
export interface ThrowawayCertificate {
  key: string;
  cert: string;
  ca: string;
}

const DAY_MS = 86_400_000;

/** Creates a fresh CA and a certificate for `localhost`, `127.0.0.1` and `::1`, valid for 30 days. */
export async function createThrowawayCertificate(): Promise<ThrowawayCertificate> {
  // Backdate by a day so that a clock slightly behind (containers, VMs) still accepts the certificates.
  const notBeforeDate = new Date(Date.now() - DAY_MS);
  const notAfterDate = new Date(Date.now() + 30 * DAY_MS);
  // EC keys: generating two RSA-2048 keys costs about a second, P-256 a few milliseconds.
  const ca = await generate([{ name: 'commonName', value: 'pcloud-emulator throwaway CA' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  const server = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  return { key: server.private, cert: server.cert, ca: ca.cert };
}
