/**
 * The client against the emulator over real sockets, HTTP and HTTPS (with the emulator's CA):
 * Bearer auth, API errors, the 2094 region hint, exact 64-bit hashes, redaction.
 */
import { Readable } from 'node:stream';
import { createEmulator, type Emulator } from '@pcloud/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/client/create-client.js';
import { ApiError, TransportError } from '../../src/errors.js';

describe.each([{ tls: false }, { tls: true }])('client over %o', ({ tls }) => {
  let emu: Emulator;
  const lines: string[] = [];
  const seen: unknown[] = [];
  const client = (extra: Parameters<typeof createClient>[0] = {}) =>
    createClient({ endpoint: emu.apiUrl, accessToken: emu.token, ca: emu.ca, logger: (line) => lines.push(line), retry: false, ...extra });

  beforeAll(async () => {
    emu = await createEmulator({ tls, seed: { accessToken: 'KNOWN-secret-token-0123456789' } });
  });
  afterAll(async () => {
    // Nothing the client produced may carry the token, in any form.
    for (const text of [
      ...lines,
      ...seen.map((e) => `${(e as Error).message} ${(e as ApiError).hint ?? ''} ${String((e as Error).cause ?? '')}`),
    ]) {
      expect(text).not.toContain('KNOWN-secret-token-0123456789');
    }
    await emu.close();
  });

  it('authenticates with the Bearer header and reads userinfo', async () => {
    const c = client();
    const info = await c.call('userinfo');
    expect(info.email).toBe(emu.seeded.email);
    expect(info.userid).toBe(emu.seeded.userid);
    expect(lines.some((line) => line.startsWith('http userinfo'))).toBe(true);
    await c.close();
  });

  it('turns a non-zero result into an ApiError with the method, code and server message', async () => {
    const c = client();
    const error = await c.call('listfolder', { path: '/does/not/exist' }).catch((e: unknown) => e);
    seen.push(error);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'API_ERROR',
      method: 'listfolder',
      result: 2005,
      message: 'listfolder: Directory does not exist. (2005)',
    });
    await c.close();
  });

  it('answers 1000 without credentials and 2094 for a token of the other region, with a hint naming both switches', async () => {
    const anonymous = createClient({ endpoint: emu.apiUrl, ca: emu.ca, retry: false });
    await expect(anonymous.call('userinfo')).rejects.toMatchObject({ result: 1000, isAuthError: true });
    await anonymous.close();
    const foreign = client({ accessToken: emu.seeded.foreignRegionToken });
    const error = (await foreign.call('userinfo').catch((e: unknown) => e)) as ApiError;
    seen.push(error);
    expect(error).toMatchObject({ result: 2094, code: 'AUTH_ERROR' });
    expect(error.hint).toMatch(/-e eu.*-e us/);
    expect(error.message).not.toContain(emu.seeded.foreignRegionToken);
    await foreign.close();
  });

  it('keeps content hashes above 2^53 exact, as bigints, through uploads, listings and stat', async () => {
    const c = client();
    const raw = new Map<string, bigint>();
    for (let i = 0; i < 8; i++) {
      const name = `hash-${i}.bin`;
      const data = Buffer.from(`content number ${i} for the hash test`);
      const up = await c.call(
        'uploadfile',
        { folderid: 0, filename: name, nopartial: true },
        {
          body: { kind: 'data', stream: Readable.from([data]), length: data.length },
        },
      );
      expect(up.metadata).toHaveLength(1);
      raw.set(name, up.metadata[0]!.hash);
    }
    const big = [...raw.values()].filter((hash) => hash > 2n ** 53n);
    expect(big.length).toBeGreaterThan(0);
    const listing = await c.call('listfolder', { folderid: 0 });
    for (const [name, hash] of raw) {
      const entry = listing.metadata.contents?.find((item) => item.name === name);
      expect(entry && !entry.isfolder ? entry.hash : undefined).toBe(hash);
      const stat = await c.call('stat', { path: `/${name}` });
      expect(stat.metadata.isfolder ? undefined : stat.metadata.hash).toBe(hash);
    }
    // The exact digits the server wrote: read the raw answer text with a plain HTTP client.
    const text = await plainPost(emu, 'stat', `path=${encodeURIComponent('/hash-0.bin')}`);
    expect(BigInt(/"hash":\s*(\d+)/.exec(text)?.[1] ?? '0')).toBe(raw.get('hash-0.bin'));
    await c.close();
  });

  it('reports upload progress up to the whole body', async () => {
    const c = client();
    const data = Buffer.alloc(3 * 1024 * 1024, 7);
    const progress: Array<{ transferred: number; total: number | undefined }> = [];
    const chunks = Array.from({ length: 48 }, (_, i) => data.subarray(i * 65536, (i + 1) * 65536));
    const up = await c.call(
      'uploadfile',
      { folderid: 0, filename: 'progress.bin', nopartial: true },
      {
        body: { kind: 'data', stream: Readable.from(chunks), length: data.length },
        onProgress: (p) => progress.push(p),
      },
    );
    expect(up.metadata[0]?.size).toBe(data.length);
    expect(progress.length).toBeGreaterThan(1);
    const last = progress.at(-1);
    expect(last?.transferred).toBe(last?.total);
    // A raw PUT: the body is the file's bytes and nothing else.
    expect(last?.total).toBe(data.length);
    await c.close();
  });

  it('aborts a call in flight with ABORTED', async () => {
    emu.faults.set({ rules: [{ methods: ['userinfo'], latencyMs: 2000 }] });
    const c = client({ retry: { retries: 3, minDelayMs: 1, maxDelayMs: 1, maxElapsedMs: 5000 } });
    const controller = new AbortController();
    const pending = c.call('userinfo', {}, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toMatchObject({ code: 'ABORTED', message: 'userinfo: the call was aborted.' });
    emu.faults.set({});
    await c.close();
  });

  it('refuses a TLS server it cannot verify without retrying', async () => {
    if (!tls) return expect(emu.ca).toBeUndefined();
    const c = client({ ca: undefined, retry: { retries: 3, minDelayMs: 1, maxDelayMs: 1, maxElapsedMs: 5000 } });
    const error = await c.call('userinfo').catch((e: unknown) => e);
    seen.push(error);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as Error).message).toMatch(/^userinfo: connection failed: /);
    expect(lines.filter((line) => line.startsWith('userinfo retry'))).toHaveLength(0);
    await c.close();
  });
});

async function plainPost(emu: Emulator, method: string, body: string): Promise<string> {
  const { request } = await import(emu.apiUrl.startsWith('https') ? 'node:https' : 'node:http');
  return new Promise((resolve, reject) => {
    const req = request(
      `${emu.apiUrl}/${method}`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${emu.token}`, 'content-type': 'application/x-www-form-urlencoded' },
        ca: emu.ca,
        agent: false,
      },
      (res: NodeJS.ReadableStream) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve(text));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
