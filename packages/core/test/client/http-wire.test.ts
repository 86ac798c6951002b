/**
 * The exact shape of what the HTTP transport puts on the wire, captured by a plain Node server
 * on loopback: secrets only in a header or a POST body, never in the URL; real Content-Length;
 * file data as a raw PUT only when nothing secret or too long would go in its URL.
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

  it('sends file data as a raw PUT: parameters in the query, the token only in its header, a real Content-Length', async () => {
    const client = createClient({ endpoint, accessToken: 'wire-oauth-token-1' });
    await client.call(
      'uploadfile',
      { path: '/a b&c', filename: 'h+1.txt', nopartial: true },
      {
        body: { kind: 'data', stream: Readable.from([Buffer.from('hel'), Buffer.from('lo')]), length: 5 },
      },
    );
    await client.close();
    const request = seen.at(-1);
    expect(request?.method).toBe('PUT');
    const url = new URL(request?.url ?? '', endpoint);
    expect(url.pathname).toBe('/uploadfile');
    expect(Object.fromEntries(url.searchParams)).toEqual({ path: '/a b&c', filename: 'h+1.txt', nopartial: '1' });
    expect(url.search).toBe('?path=%2Fa%20b%26c&filename=h%2B1.txt&nopartial=1');
    expect(request?.url).not.toContain('wire-oauth-token-1');
    expect(request?.headers.authorization).toBe('Bearer wire-oauth-token-1');
    expect(request?.headers['transfer-encoding']).toBeUndefined();
    expect(request?.headers['content-length']).toBe('5');
    expect(request?.body).toBe('hello');
  });

  it.each([
    ['a legacy auth token, which must stay out of the URL', { auth: 'wire-legacy-auth-2' }, 'h.txt', 5],
    ['an empty body, which pCloud refuses as a PUT', { accessToken: 'wire-oauth-token-1' }, 'h.txt', 0],
    ['a path too long for a URL', { accessToken: 'wire-oauth-token-1' }, 'é'.repeat(400), 5],
  ])('uploads multipart (parameters first, real Content-Length, not chunked) with %s', async (_why, credentials, filename, length) => {
    const client = createClient({ endpoint, ...credentials });
    const content = Buffer.from('hello').subarray(0, length);
    await client.call(
      'uploadfile',
      { folderid: 0, filename, nopartial: true },
      { body: { kind: 'data', stream: Readable.from([content]), length } },
    );
    await client.close();
    const request = seen.at(-1);
    expect(request).toMatchObject({ method: 'POST', url: '/uploadfile' });
    expect(request?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(request?.headers['transfer-encoding']).toBeUndefined();
    expect(Number(request?.headers['content-length'])).toBe(Buffer.byteLength(request?.body ?? ''));
    const body = request?.body ?? '';
    expect(body.indexOf('name="nopartial"')).toBeLessThan(body.indexOf(`filename="${filename}"`));
    expect(body).toContain(`\r\n\r\n${content.toString()}\r\n`);
  });
});
