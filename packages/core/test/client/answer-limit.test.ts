/**
 * API answers are bounded: a listing larger than the cap, an announced length over it, a body that
 * never ends and a decompression bomb each fail the call with one clear error, against the emulator
 * and against hostile servers on loopback.
 */
import { constants } from 'node:buffer';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '@pcloud/emulator';
import { MAX_ANSWER_BYTES } from '../../src/client/answer-limit.js';
import { createClient } from '../../src/client/create-client.js';

const KIB = 1024;

describe('the answer cap', () => {
  it('is 512 MiB or the longest string V8 holds, in whole MiB, whichever is shorter', () => {
    expect(MAX_ANSWER_BYTES).toBe(Math.min(512, Math.floor(constants.MAX_STRING_LENGTH / 2 ** 20)) * 2 ** 20);
    expect(() => createClient({ maxAnswerBytes: 0 })).toThrow(/maxAnswerBytes/);
  });
});

describe('a listing over the cap, from the emulator', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await createEmulator();
    for (let i = 0; i < 200; i++) emu.seedFile(`/big/folder ${i % 10}/file number ${i}.txt`, 'x');
  });
  afterAll(() => emu.close());

  it('is read under a large enough cap and refused under a smaller one, with no retry', async () => {
    const logged: string[] = [];
    const roomy = createClient({ endpoint: emu.apiUrl, accessToken: emu.token, maxAnswerBytes: 1024 * KIB });
    const tight = createClient({
      endpoint: emu.apiUrl,
      accessToken: emu.token,
      maxAnswerBytes: 16 * KIB,
      logger: (line) => void logged.push(line),
    });
    try {
      const listing = await roomy.call('listfolder', { path: '/big', recursive: true });
      expect(listing.metadata.contents).toHaveLength(10);
      const error = await tight
        .call('listfolder', { path: '/big', recursive: true })
        .catch((e: unknown) => e as Error & { code?: string; hint?: string });
      expect(error).toMatchObject({
        code: 'TRANSPORT_ERROR',
        message: 'listfolder: the answer is larger than 16 KiB, the most this client reads.',
      });
      expect(error.hint).toMatch(/list its folders one at a time/);
      expect(logged.filter((line) => /retry/.test(line))).toEqual([]);
      // A small answer still goes through the tight client.
      expect((await tight.call('userinfo')).userid).toBe(emu.seeded.userid);
    } finally {
      await Promise.all([roomy.close(), tight.close()]);
    }
  });
});

describe('hostile answers', () => {
  let server: http.Server;
  let endpoint: string;
  let endlessBytes = 0;
  // A gzip bomb: 16 MiB of spaces in about 16 KiB, then a valid object.
  const bomb = gzipSync(Buffer.concat([Buffer.alloc(16 * 1024 * KIB, 0x20), Buffer.from('{"result":0}')]));

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        if (req.url === '/announced') {
          // Claims 2 GiB and sends a little: the claim alone is refused.
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(2 * 1024 * 1024 * 1024) });
          res.write('{"result":0,');
          return;
        }
        if (req.url === '/endless') {
          res.writeHead(200, { 'content-type': 'application/json' });
          const chunk = Buffer.alloc(64 * KIB, 0x20);
          const pump = (): void => {
            while (!res.destroyed && endlessBytes < 256 * 1024 * KIB) {
              endlessBytes += chunk.length;
              if (!res.write(chunk)) return void res.once('drain', pump);
            }
            res.end();
          };
          return pump();
        }
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': String(bomb.length) });
        res.end(bomb);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it.each([
    ['an announced length over the cap', 'announced'],
    ['a body that never ends', 'endless'],
    ['a decompression bomb', 'bomb'],
  ])('%s fails the call with one clear error', async (_name, method) => {
    const client = createClient({ endpoint, retry: false, maxAnswerBytes: 1024 * KIB });
    try {
      await expect(client.callRaw(method)).rejects.toMatchObject({
        code: 'TRANSPORT_ERROR',
        message: `${method}: the answer is larger than 1 MiB, the most this client reads.`,
      });
    } finally {
      await client.close();
    }
    // The endless body was cut off long before the server's own limit.
    if (method === 'endless') expect(endlessBytes).toBeLessThan(256 * 1024 * KIB);
  });
});
