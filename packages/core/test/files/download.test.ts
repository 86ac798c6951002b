import { createHash, randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { readdir, readFile, stat as localStat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { downloadFile, downloadToStream, isNotFound, isPCloudError, TransportError, type Progress } from '../../src/index.js';
import { isPartialFileName, partialFilePrefix } from '../../src/internal.js';
import { tempDir } from '../helpers/temp-dir.js';
import { startFiles, type FilesFixture } from './support/files-fixture.js';

let fx: FilesFixture;
beforeAll(async () => {
  fx = await startFiles();
});
afterEach(() => fx.emu.faults.set({}));
afterAll(() => fx.close());

const sha1 = (data: Buffer | string): string => createHash('sha1').update(data).digest('hex');
const MTIME = 1_627_121_472;

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

/** A client that counts its getfilelink calls and can act when one was answered. */
function linkCountingClient(onLink: (count: number) => void = () => undefined): {
  client: ReturnType<FilesFixture['newClient']>;
  links: () => number;
} {
  let links = 0;
  const client = fx.newClient({
    logger: (line) => {
      if (line.startsWith('getfilelink ok')) onLink(++links);
    },
  });
  return { client, links: () => links };
}

describe('downloadFile', () => {
  test('writes the bytes, keeps the remote mtime and leaves no temporary file', async () => {
    const content = randomBytes(3 * 1024 * 1024 + 11);
    const fileid = await fx.emu.seedFile('/Down/big.bin', content, MTIME);
    const dir = tempDir();
    const target = join(dir, 'big.bin');
    const events: Progress[] = [];
    const during = new Set<string>();
    const result = await downloadFile(fx.client, { fileid }, target, {
      onProgress: (p) => {
        events.push(p);
        for (const name of readdirSync(dir)) during.add(name);
      },
    });
    // While it runs only a temporary file exists, named so that tools can recognise it.
    expect(during.size).toBe(1);
    const [temporary] = [...during];
    expect(temporary?.startsWith('.big.bin.pcloud-partial-')).toBe(true);
    expect(isPartialFileName(temporary!)).toBe(true);
    expect(result).toMatchObject({ size: content.length, sha1: sha1(content) });
    expect(sha1(await readFile(target))).toBe(sha1(content));
    expect(Math.floor((await localStat(target)).mtimeMs / 1000)).toBe(MTIME);
    expect(events.at(-1)).toEqual({ transferred: content.length, total: content.length });
    expect(await readdir(dir)).toEqual(['big.bin']);
  });

  test.each([
    ['empty.txt', ''],
    ['ünï & # % + ?.txt', 'odd name'],
  ])('%s by path', async (name, content) => {
    await fx.emu.seedFile(`/Down/${name}`, content, MTIME);
    const dir = tempDir();
    await downloadFile(fx.client, { path: `/Down/${name}` }, join(dir, name));
    expect((await readFile(join(dir, name))).toString()).toBe(content);
    expect(await readdir(dir)).toEqual([name]);
  });

  test('resumes with Range after every response is cut halfway', async () => {
    // Each answer stops after half of what was asked: only resuming where it stopped can finish.
    const content = randomBytes(512 * 1024);
    const fileid = await fx.emu.seedFile('/Down/cut.bin', content);
    fx.emu.faults.set({ rules: [{ methods: ['download'], resetResponseEvery: 1 }] });
    const injected = fx.emu.faults.injected;
    const dir = tempDir();
    const events: number[] = [];
    await downloadFile(fx.client, { fileid }, join(dir, 'cut.bin'), { onProgress: (p) => events.push(p.transferred) });
    expect(fx.emu.faults.injected - injected).toBeGreaterThan(10);
    expect(sha1(await readFile(join(dir, 'cut.bin')))).toBe(sha1(content));
    expect(events).toEqual([...events].sort((a, b) => a - b));
    expect(await readdir(dir)).toEqual(['cut.bin']);
  });

  test('logs one line per retry of the content host, as the client does for calls', async () => {
    const content = randomBytes(4 * 1024);
    const fileid = await fx.emu.seedFile('/Down/logged.bin', content);
    fx.emu.faults.set({ rules: [{ methods: ['download'], resetResponseEvery: 1 }] });
    const resets = fx.emu.faults.tally.responseResets;
    const lines: string[] = [];
    const client = fx.newClient({ logger: (line) => lines.push(line) });
    const dir = tempDir();
    await downloadFile(client, { fileid }, join(dir, 'logged.bin'));
    const retries = lines.filter((line) => line.startsWith('download retry '));
    // Every answer is cut halfway; only the last one (a single byte) is complete despite its cut.
    expect(retries.length).toBeGreaterThan(5);
    expect(retries).toHaveLength(fx.emu.faults.tally.responseResets - resets - 1);
    expect(retries[0]).toMatch(/^download retry 1\/\d+ from byte 2048: download/);
    expect(sha1(await readFile(join(dir, 'logged.bin')))).toBe(sha1(content));
  });

  test('one getfilelink per file, sent before checksumfile has answered', async () => {
    await fx.emu.seedFile('/Down/one-link.txt', 'one link');
    const lines: string[] = [];
    const client = fx.newClient({ logger: (line) => lines.push(line) });
    const dir = tempDir();
    await downloadFile(client, { path: '/Down/one-link.txt' }, join(dir, 'one-link.txt'));
    expect(lines.filter((line) => line.startsWith('getfilelink ok'))).toHaveLength(1);
    const sent = lines.findIndex((line) => line.startsWith('http getfilelink '));
    expect(sent).toBeGreaterThanOrEqual(0);
    expect(sent).toBeLessThan(lines.findIndex((line) => line.startsWith('checksumfile ok')));
    expect((await readFile(join(dir, 'one-link.txt'))).toString()).toBe('one link');
  });

  test('when the early getfilelink fails, a link is asked for again by id', async () => {
    const fileid = await fx.emu.seedFile('/Down/second-try.txt', 'second try');
    // getfilelink refuses (an API error, not retried) until one refusal was seen.
    fx.emu.faults.set({ rules: [{ methods: ['getfilelink'], failEvery: 1, failResult: 7001 }] });
    const lines: string[] = [];
    const client = fx.newClient({
      logger: (line) => {
        lines.push(line);
        if (line.startsWith('getfilelink failed')) fx.emu.faults.set({});
      },
    });
    const dir = tempDir();
    await downloadFile(client, { path: '/Down/second-try.txt' }, join(dir, 'second-try.txt'));
    const asked = lines.filter((line) => line.startsWith('http getfilelink '));
    expect(asked).toHaveLength(2);
    expect(asked[1]).toContain(`"fileid":${fileid}`);
    expect((await readFile(join(dir, 'second-try.txt'))).toString()).toBe('second try');
  });

  test('an expired link (401) is replaced by a fresh one', async () => {
    const fileid = await fx.emu.seedFile('/Down/expiring.txt', 'fresh link needed');
    fx.emu.faults.set({ expireLinks: true });
    // The first link is born expired; links made after it are good.
    const { client, links } = linkCountingClient(() => fx.emu.faults.set({}));
    const dir = tempDir();
    await downloadFile(client, { fileid }, join(dir, 'expiring.txt'));
    expect(links()).toBe(2);
    expect((await readFile(join(dir, 'expiring.txt'))).toString()).toBe('fresh link needed');
  });

  test('a failing content host (5xx) leads to a fresh link', async () => {
    const fileid = await fx.emu.seedFile('/Down/host.txt', 'host trouble');
    fx.emu.faults.set({ rules: [{ methods: ['download'], failEvery: 1 }] });
    // The only host answers 500 until a second link is asked for.
    const { client, links } = linkCountingClient((count) => count === 2 && fx.emu.faults.set({}));
    const dir = tempDir();
    await downloadFile(client, { fileid }, join(dir, 'host.txt'));
    expect(links()).toBe(2);
    expect((await readFile(join(dir, 'host.txt'))).toString()).toBe('host trouble');
  });

  test('links that keep expiring fail with HTTP 401 and leave the old file untouched', async () => {
    const fileid = await fx.emu.seedFile('/Down/never.txt', 'new content');
    fx.emu.faults.set({ expireLinks: true });
    const dir = tempDir();
    const target = join(dir, 'never.txt');
    await writeFile(target, 'old content');
    const error = await rejection(downloadFile(fx.client, { fileid }, target));
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).status).toBe(401);
    expect(await readFile(target, 'utf8')).toBe('old content');
    expect(await readdir(dir)).toEqual(['never.txt']);
  });

  test('a content host that stays silent times out, and leaves no file', async () => {
    const fileid = await fx.emu.seedFile('/Down/silent.txt', 'never sent');
    fx.emu.faults.set({ rules: [{ methods: ['download'], latencyMs: 2000 }] });
    // timeout 0.1 s: the idle limit is 5 × that.
    const client = fx.newClient({ timeout: 0.1, retry: { retries: 0 } });
    const dir = tempDir();
    const error = await rejection(downloadFile(client, { fileid }, join(dir, 'silent.txt')));
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).message).toMatch(/no answer in time \(socket timeout\)/);
    expect(await readdir(dir)).toEqual([]);
  });

  test('an abort mid-transfer leaves no file at all', async () => {
    const fileid = await fx.emu.seedFile('/Down/abort.bin', randomBytes(8 * 1024 * 1024));
    fx.emu.faults.set({ rules: [{ methods: ['download'], latencyMs: 20 }] });
    const controller = new AbortController();
    const dir = tempDir();
    const error = await rejection(
      downloadFile(fx.client, { fileid }, join(dir, 'abort.bin'), { signal: controller.signal, onProgress: () => controller.abort() }),
    );
    expect(isPCloudError(error, 'ABORTED')).toBe(true);
    expect(await readdir(dir)).toEqual([]);
  });

  test('a missing file is recognisable and leaves no file', async () => {
    const dir = tempDir();
    const error = await rejection(downloadFile(fx.client, { path: '/Down/missing.txt' }, join(dir, 'missing.txt')));
    expect(isNotFound(error)).toBe(true);
    expect(await readdir(dir)).toEqual([]);
  });

  test('content that does not match the server checksum is refused', async () => {
    const fileid = await fx.emu.seedFile('/Down/rotten.txt', 'bit rot');
    // A corrupted object on the server: its recorded sha1 no longer matches its bytes.
    const node = fx.emu.state.files.tree(fx.emu.seeded.userid).file(fileid)!;
    node.sha1 = sha1('something else');
    const dir = tempDir();
    const error = await rejection(downloadFile(fx.client, { fileid }, join(dir, 'rotten.txt')));
    expect(isPCloudError(error, 'CHECKSUM_MISMATCH')).toBe(true);
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('young garbage', () => {
  const host = globalThis as { gc?: unknown };
  const before = host.gc;
  afterEach(() => {
    host.gc = before;
  });

  test('a download asks an exposed gc for a minor collection once per MiB received, into a file or a stream', async () => {
    const content = randomBytes(3 * 1024 * 1024 + 5);
    const fileid = await fx.emu.seedFile('/Down/garbage.bin', content);
    const asked: unknown[] = [];
    host.gc = (options: unknown) => asked.push(options);
    const dir = tempDir();
    await downloadFile(fx.client, { fileid }, join(dir, 'garbage.bin'));
    expect(asked).toEqual([{ type: 'minor' }, { type: 'minor' }, { type: 'minor' }]);
    const output = new PassThrough();
    output.resume();
    await downloadToStream(fx.client, { fileid }, output);
    expect(asked).toHaveLength(6);
    expect(sha1(await readFile(join(dir, 'garbage.bin')))).toBe(sha1(content));
  });

  test('without an exposed gc a download runs as before', async () => {
    const content = randomBytes(2 * 1024 * 1024);
    const fileid = await fx.emu.seedFile('/Down/no-gc.bin', content);
    host.gc = undefined;
    const dir = tempDir();
    const result = await downloadFile(fx.client, { fileid }, join(dir, 'no-gc.bin'));
    expect(result.sha1).toBe(sha1(content));
  });
});

describe('downloadToStream', () => {
  test('streams the bytes with a resume in the middle', async () => {
    const content = randomBytes(700 * 1024);
    const fileid = await fx.emu.seedFile('/Down/stream.bin', content);
    // The first answer is cut halfway; the faults are off again once bytes arrive.
    fx.emu.faults.set({ rules: [{ methods: ['download'], resetResponseEvery: 1 }] });
    const injected = fx.emu.faults.injected;
    const output = new PassThrough({ highWaterMark: 1024 });
    const received: Buffer[] = [];
    output.on('data', (chunk: Buffer) => received.push(chunk));
    const result = await downloadToStream(fx.client, { fileid }, output, { onProgress: () => fx.emu.faults.set({}) });
    expect(result.sha1).toBe(sha1(content));
    expect(fx.emu.faults.injected - injected).toBe(1);
    expect(sha1(Buffer.concat(received))).toBe(sha1(content));
  });

  test('a closed output stops the download with one clear error', async () => {
    const fileid = await fx.emu.seedFile('/Down/closed.bin', randomBytes(2 * 1024 * 1024));
    const output = new PassThrough({ highWaterMark: 1024 });
    output.destroy();
    const error = await rejection(downloadToStream(fx.client, { fileid }, output));
    expect(isPCloudError(error, 'LOCAL_IO_ERROR')).toBe(true);
  });
});

test('partialFilePrefix starts every temporary name of a target, cut like the name', () => {
  const long = 'é'.repeat(200);
  expect(partialFilePrefix('/x/a.txt')).toBe('.a.txt.pcloud-partial-');
  expect(partialFilePrefix(`/x/${long}`)).toBe(`.${'é'.repeat(120)}.pcloud-partial-`);
  expect(isPartialFileName(`${partialFilePrefix('/x/a.txt')}0123456789ab`)).toBe(true);
});

test('isPartialFileName knows only the temporary names', () => {
  expect(isPartialFileName('.a.txt.pcloud-partial-0123456789ab')).toBe(true);
  expect(isPartialFileName('a.txt.pcloud-partial-0123456789ab')).toBe(false);
  expect(isPartialFileName('.a.txt.pcloud-partial-0123')).toBe(false);
  expect(isPartialFileName('.a.txt')).toBe(false);
});
