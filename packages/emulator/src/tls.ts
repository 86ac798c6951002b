/**
 * A throwaway certificate authority and a server certificate signed by it, so the emulator can
 * serve HTTPS (and TLS on the binary port) to clients that trust only the printed CA.
 *
 * Both pass strict chain checks (`openssl verify -x509_strict`, Python 3.13's default
 * VERIFY_X509_STRICT): the CA carries a critical basicConstraints, keyCertSign/cRLSign and a
 * subject key identifier; the leaf names its issuer's key (authority key identifier), its own
 * key, serverAuth, and localhost, 127.0.0.1 and ::1.
 */
import { webcrypto } from 'node:crypto';
import {
  AuthorityKeyIdentifierExtension,
  cryptoProvider,
  BasicConstraintsExtension,
  ExtendedKeyUsage,
  ExtendedKeyUsageExtension,
  KeyUsageFlags,
  KeyUsagesExtension,
  SubjectAlternativeNameExtension,
  SubjectKeyIdentifierExtension,
  X509CertificateGenerator,
} from '@peculiar/x509';

/** PEM texts: the server's private key and certificate, and the CA certificate clients should trust. */
export interface ThrowawayCertificate {
  key: string;
  cert: string;
  ca: string;
}

const DAY_MS = 86_400_000;
// EC keys: every TLS start makes two keys, and P-256 keys take a small fraction of the time RSA-2048 keys take.
const KEY_ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGNING_ALGORITHM = { name: 'ECDSA', hash: 'SHA-256' } as const;

/** A positive 16-byte serial number in hex (RFC 5280 §4.1.2.2: positive, at most 20 bytes). */
function serialNumber(): string {
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  bytes[0] = (bytes[0]! & 0x7f) | 0x01;
  return Buffer.from(bytes).toString('hex');
}

async function privateKeyPem(key: webcrypto.CryptoKey): Promise<string> {
  const der = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', key));
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN PRIVATE KEY-----\n${lines.join('\n')}\n-----END PRIVATE KEY-----\n`;
}

/** Creates a fresh CA and a certificate for `localhost`, `127.0.0.1` and `::1`, valid for 30 days. */
export async function createThrowawayCertificate(): Promise<ThrowawayCertificate> {
  cryptoProvider.set(webcrypto as never);
  // Backdate by a day so that a clock slightly behind (containers, VMs) still accepts the certificates.
  const notBefore = new Date(Date.now() - DAY_MS);
  const notAfter = new Date(Date.now() + 30 * DAY_MS);
  const [caKeys, serverKeys] = await Promise.all([
    webcrypto.subtle.generateKey(KEY_ALGORITHM, true, ['sign', 'verify']),
    webcrypto.subtle.generateKey(KEY_ALGORITHM, true, ['sign', 'verify']),
  ]);
  const ca = await X509CertificateGenerator.createSelfSigned({
    serialNumber: serialNumber(),
    name: 'CN=pcloud-emulator throwaway CA',
    notBefore,
    notAfter,
    keys: caKeys,
    signingAlgorithm: SIGNING_ALGORITHM,
    extensions: [
      new BasicConstraintsExtension(true, undefined, true),
      new KeyUsagesExtension(KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign | KeyUsageFlags.digitalSignature, true),
      await SubjectKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });
  const server = await X509CertificateGenerator.create({
    serialNumber: serialNumber(),
    subject: 'CN=localhost',
    issuer: ca.subject,
    notBefore,
    notAfter,
    publicKey: serverKeys.publicKey,
    signingKey: caKeys.privateKey,
    signingAlgorithm: SIGNING_ALGORITHM,
    extensions: [
      new BasicConstraintsExtension(false, undefined, true),
      new KeyUsagesExtension(KeyUsageFlags.digitalSignature, true),
      new ExtendedKeyUsageExtension([ExtendedKeyUsage.serverAuth], false),
      new SubjectAlternativeNameExtension([
        { type: 'dns', value: 'localhost' },
        { type: 'ip', value: '127.0.0.1' },
        { type: 'ip', value: '::1' },
      ]),
      await AuthorityKeyIdentifierExtension.create(caKeys.publicKey),
      await SubjectKeyIdentifierExtension.create(serverKeys.publicKey),
    ],
  });
  return { key: await privateKeyPem(serverKeys.privateKey), cert: server.toString('pem'), ca: ca.toString('pem') };
}
