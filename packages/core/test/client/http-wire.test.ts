/**
 * The exact shape of what the HTTP transport puts on the wire, captured by a plain Node server
 * on loopback: secrets only in a header or a POST body, never in the URL; real Content-Length.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/client/create-client.js';

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

const seen: Seen[] = [];
let server: http.Server;
let endpoint: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString() });
      // /getapiserver answers 503 and 429 before succeeding; /currentserver is a plain 404 page.
      const flakyCalls = seen.filter((entry) => entry.url === '/getapiserver').length;
      if (req.url === '/getapiserver' && flakyCalls <= 2) {
        res.statusCode = flakyCalls === 1 ? 503 : 429;
        return res.end('busy');
      }
      if (req.url === '/currentserver') {
        res.statusCode = 404;
        return res.end('<html>not here</html>');
      }
      res.setHeader('content-type', 'application/json');
      res.end('{"result":0,"fileids":[],"metadata":[],"checksums":[]}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('HTTP statuses without a pCloud answer', () => {
  it('retries 503 and 429 for a safe call, and reports other statuses once as a TransportError', async () => {
    const client = createClient({ endpoint, retry: { retries: 3, minDelayMs: 1, maxDelayMs: 2, maxElapsedMs: 5000 } });
    await expect(client.call('getapiserver')).resolves.toBeDefined();
    expect(seen.filter((entry) => entry.url === '/getapiserver')).toHaveLength(3);
    await expect(client.call('currentserver')).rejects.toMatchObject({
      code: 'TRANSPORT_ERROR',
      status: 404,
      message: 'currentserver: the server sent HTTP status 404.',
    });
    expect(seen.filter((entry) => entry.url === '/currentserver')).toHaveLength(1);
    await client.close();
  });
});

describe('HTTP wire shape', () => {
  it('sends an OAuth token only as a Bearer header and parameters urlencoded in a POST body', async () => {
    const client = createClient({ endpoint, accessToken: 'wire-oauth-token-1', userAgent: 'wire-test/1' });
    await client.call('listfolder', { path: '/a b&c', recursive: true });
    await client.close();
    const request = seen.at(-1);
    expect(request).toMatchObject({ method: 'POST', url: '/listfolder', body: 'path=%2Fa+b%26c&recursive=1' });
    expect(request?.headers).toMatchObject({
      authorization: 'Bearer wire-oauth-token-1',
      'user-agent': 'wire-test/1',
      'content-type': 'application/x-www-form-urlencoded',
      connection: 'keep-alive',
    });
  });

  it('sends a legacy auth token as a body parameter, never in the URL', async () => {
    const client = createClient({ endpoint, auth: 'wire-legacy-auth-2' });
    await client.call('userinfo');
    await client.close();
    const request = seen.at(-1);
    expect(request?.url).toBe('/userinfo');
    expect(request?.body).toBe('auth=wire-legacy-auth-2');
    expect(request?.headers.authorization).toBeUndefined();
  });

  it('uploads multipart with parameters first and a real Content-Length, not chunked', async () => {
    const client = createClient({ endpoint, accessToken: 'wire-oauth-token-1' });
    await client.call('uploadfile', { folderid: 0, filename: 'h.txt', nopartial: true }, {
      body: { kind: 'data', stream: Readable.from([Buffer.from('hello')]), length: 5 },
    });
    await client.close();
    const request = seen.at(-1);
    expect(request?.url).toBe('/uploadfile');
    expect(request?.headers['transfer-encoding']).toBeUndefined();
    expect(Number(request?.headers['content-length'])).toBe(Buffer.byteLength(request?.body ?? ''));
    const body = request?.body ?? '';
    expect(body.indexOf('name="nopartial"')).toBeLessThan(body.indexOf('filename="h.txt"'));
    expect(body).toContain('\r\n\r\nhello\r\n');
  });
});
