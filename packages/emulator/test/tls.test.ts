import { X509Certificate } from 'node:crypto';
import { createServer, get } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createThrowawayCertificate, type ThrowawayCertificate } from '../src/tls.js';

function fetchText(host: string, port: number, ca: string | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    get({ host, port, path: '/', ca, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve(text));
    }).on('error', reject);
  });
}

describe('createThrowawayCertificate', () => {
  let pems: ThrowawayCertificate;
  let server: ReturnType<typeof createServer>;
  let port: number;

  beforeAll(async () => {
    pems = await createThrowawayCertificate();
    server = createServer({ key: pems.key, cert: pems.cert }, (_req, res) => res.end('hello over tls'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('names localhost, 127.0.0.1 and ::1 and is signed by the CA', () => {
    const cert = new X509Certificate(pems.cert);
    const ca = new X509Certificate(pems.ca);
    expect(cert.subjectAltName).toContain('DNS:localhost');
    expect(cert.subjectAltName).toContain('IP Address:127.0.0.1');
    expect(cert.subjectAltName?.toLowerCase()).toMatch(/ip address:(0:0:0:0:0:0:0:1|::1)/);
    expect(cert.checkIssued(ca)).toBe(true);
    expect(cert.verify(ca.publicKey)).toBe(true);
    expect(ca.ca).toBe(true);
    expect(cert.ca).toBe(false);
  });

  it('is accepted by a client that trusts only the CA, by IP and by name', async () => {
    await expect(fetchText('127.0.0.1', port, pems.ca)).resolves.toBe('hello over tls');
    await expect(fetchText('localhost', port, pems.ca)).resolves.toBe('hello over tls');
  });

  it('is refused by a client that does not trust the CA', async () => {
    await expect(fetchText('127.0.0.1', port, undefined)).rejects.toThrow(/certificate|signature/i);
  });

  it('is different on every call', async () => {
    const other = await createThrowawayCertificate();
    expect(other.ca).not.toBe(pems.ca);
    expect(other.key).not.toBe(pems.key);
  });
});
