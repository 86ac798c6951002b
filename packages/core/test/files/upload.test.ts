import { createHash, randomBytes } from 'node:crypto';
import { stat as localStat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { isPCloudError, listFolder, stat, tryStat, uploadFile, uploadStream, type Progress } from '../../src/index.js';
import { formatPCloudDate } from '../../src/internal.js';
import { tempDir } from '../helpers/temp-dir.js';
import { corruptingTransport } from './support/corrupting-transport.js';
import { flakyTransport, type FlakyPlan } from './support/flaky-transport.js';
import { startFiles, type FilesFixture } from './support/files-fixture.js';

let fx: FilesFixture;
beforeAll(async () => {
  fx = await startFiles();
  fx.emu.seedFolder('/Up');
});
afterEach(() => fx.emu.faults.set({}));
afterAll(() => fx.close());

const sha1 = (data: Buffer | string): string => createHash('sha1').update(data).digest('hex');
const MTIME = 1_627_121_472; // Sat, 24 Jul 2021 10:11:12 +0000

/** The bytes the emulator stored for a file, read back through its own content store. */
async function stored(fileid: number): Promise<Buffer> {
  const node = fx.emu.state.files.tree(fx.emu.seeded.userid).file(fileid);
  if (!node) throw new Error(`no file ${fileid}`);
  const parts: Buffer[] = [];
  for await (const part of fx.emu.state.files.blobs.read(node.blob, node.size > 0 ? { start: 0, end: node.size - 1 } : undefined))
    parts.push(part as Buffer);
  return Buffer.concat(parts);
}

async function localFile(name: string, content: Buffer | string, mtime = MTIME): Promise<string> {
  const path = join(tempDir(), name);
  await writeFile(path, content);
  await utimes(path, mtime, mtime);
  return path;
}

function since(from: number): string[] {
  return fx.sent.slice(from);
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('uploadFile in one request', () => {
  test('an empty file', async () => {
    const path = await localFile('empty.txt', '');
    const before = fx.sent.length;
    const result = await uploadFile(fx.client, path, { path: '/Up/empty.txt' }, { verifyBeforeReplace: false });
    expect(result).toMatchObject({ size: 0, via: 'uploadfile', sha1: 'da39a3ee5e6b4b0d3255bfef95601890afd80709' });
    expect(result.metadata).toMatchObject({ name: 'empty.txt', size: 0 });
    expect(since(before)).toEqual(['uploadfile']);
    expect((await stored(result.metadata.fileid)).length).toBe(0);
  });

  test.each([['ünïcødé 日本.txt'], ['a & b # c % d + e ? f.txt'], ['100%25 +plus+ & amp;.bin']])(
    'the name %s arrives intact',
    async (name) => {
      await fx.emu.seedFolder('/Names');
      const path = await localFile('local.bin', `content of ${name}`);
      const folder = await stat(fx.client, { path: '/Names' });
      if (!folder.isfolder) throw new Error('expected a folder');
      const byId = await uploadFile(fx.client, path, { folderid: folder.folderid, name });
      expect(byId.metadata.name).toBe(name);
      // Overwriting in place keeps the fileid; the verified replace (default) gives the new bytes a new one.
      const inPlace = await uploadFile(fx.client, path, { path: `/Names/${name}` }, { verifyBeforeReplace: false });
      expect(inPlace.metadata.fileid).toBe(byId.metadata.fileid);
      const replaced = await uploadFile(fx.client, path, { path: `/Names/${name}` });
      expect(await stat(fx.client, { path: `/Names/${name}` })).toMatchObject({ name, fileid: replaced.metadata.fileid });
      expect((await stored(replaced.metadata.fileid)).toString()).toBe(`content of ${name}`);
    },
  );

  test('a multi-MiB file keeps its bytes and mtime, with progress up to its size', async () => {
    const content = randomBytes(5 * 1024 * 1024 + 123);
    const path = await localFile('big.bin', content);
    const events: Progress[] = [];
    const result = await uploadFile(fx.client, path, { path: '/Up/big.bin' }, { onProgress: (p) => events.push(p) });
    expect(result).toMatchObject({ via: 'uploadfile', size: content.length, sha1: sha1(content) });
    expect(result.metadata.modified).toBe(formatPCloudDate(MTIME));
    // The creation time is the local file's birth time where the file system records one.
    const born = (await localStat(path)).birthtimeMs;
    if (born > 0) expect(result.metadata.created).toBe(formatPCloudDate(Math.floor(born / 1000)));
    expect(events.at(-1)).toEqual({ transferred: content.length, total: content.length });
    expect(sha1(await stored(result.metadata.fileid))).toBe(sha1(content));
  });

  test('explicit mtime and ctime win over the local file', async () => {
    const path = await localFile('times.txt', 'times');
    const result = await uploadFile(fx.client, path, { path: '/Up/times.txt' }, { mtime: 1_500_000_000, ctime: 1_400_000_000 });
    expect(result.metadata.modified).toBe(formatPCloudDate(1_500_000_000));
    expect(result.metadata.created).toBe(formatPCloudDate(1_400_000_000));
  });

  test('a failed or reset request is sent again with a fresh body', async () => {
    const content = randomBytes(300_000);
    const path = await localFile('retry.bin', content);
    fx.emu.faults.set({ rules: [{ methods: ['uploadfile'], failEvery: 2 }] });
    const injected = fx.emu.faults.injected;
    await uploadFile(fx.client, path, { path: '/Up/first.bin' });
    const before = fx.sent.length;
    const retried = await uploadFile(fx.client, path, { path: '/Up/retry.bin' });
    expect(since(before).filter((m) => m === 'uploadfile').length).toBe(1);
    expect(fx.emu.faults.injected - injected).toBe(1);
    expect(sha1(await stored(retried.metadata.fileid))).toBe(sha1(content));
    fx.emu.faults.set({ rules: [{ methods: ['uploadfile'], resetRequestEvery: 1 }] });
    const client = fx.newClient({ retry: { retries: 0 } });
    expect(isPCloudError(await rejection(uploadFile(client, path, { path: '/Up/reset.bin' })), 'TRANSPORT_ERROR')).toBe(true);
    expect(await tryStat(fx.client, { path: '/Up/reset.bin' })).toBeUndefined();
    fx.emu.faults.set({ rules: [{ methods: ['uploadfile'], resetRequestEvery: 2 }] });
    await uploadFile(fx.client, path, { path: '/Up/reset-a.bin' });
    const again = await uploadFile(fx.client, path, { path: '/Up/reset-b.bin' });
    expect(sha1(await stored(again.metadata.fileid))).toBe(sha1(content));
  });

  test('bytes corrupted on the way give CHECKSUM_MISMATCH', async () => {
    const path = await localFile('corrupt.txt', 'precious bytes');
    const client = fx.newClient({ transport: corruptingTransport('uploadfile') });
    const error = await rejection(uploadFile(client, path, { path: '/Up/corrupt.txt' }));
    expect(isPCloudError(error, 'CHECKSUM_MISMATCH')).toBe(true);
    expect((error as Error).message).toContain(sha1('precious bytes'));
    // The bytes that failed were not kept, under the target's name or a temporary one.
    expect(await tryStat(fx.client, { path: '/Up/corrupt.txt' })).toBeUndefined();
    expect(
      (await listFolder(fx.client, { path: '/Up' })).contents?.map((item) => item.name).filter((name) => name.includes('corrupt')),
    ).toEqual([]);
  });

  test.each([
    ['by default', {}],
    ['with verifyBeforeReplace: false for a new file', { verifyBeforeReplace: false }],
  ])('corrupted bytes never replace a good file, nor stay beside it (%s)', async (_how, options) => {
    await fx.emu.seedFolder('/Up/Keep');
    const good = await uploadFile(fx.client, await localFile('keep.txt', 'the good copy'), { path: '/Up/Keep/keep.txt' });
    const client = fx.newClient({ transport: corruptingTransport('uploadfile') });
    const target = options.verifyBeforeReplace === false ? '/Up/Keep/new.txt' : '/Up/Keep/keep.txt';
    const error = await rejection(uploadFile(client, await localFile('keep2.txt', 'a newer copy'), { path: target }, options));
    expect(isPCloudError(error, 'CHECKSUM_MISMATCH')).toBe(true);
    expect(sha1(await stored(good.metadata.fileid))).toBe(sha1('the good copy'));
    expect((await listFolder(fx.client, { path: '/Up/Keep' })).contents?.map((item) => item.name)).toEqual(['keep.txt']);
  });

  test('replacing a file goes through a temporary name and keeps the target path and times', async () => {
    await uploadFile(fx.client, await localFile('replace.txt', 'old'), { path: '/Up/replace.txt' });
    const before = fx.sent.length;
    const result = await uploadFile(
      fx.client,
      await localFile('replace2.txt', 'new content'),
      { path: '/Up/replace.txt' },
      { mtime: MTIME },
    );
    expect(since(before)).toEqual(['uploadfile', 'renamefile']);
    expect(result.metadata).toMatchObject({ name: 'replace.txt', size: 11 });
    const now = await stat(fx.client, { path: '/Up/replace.txt' });
    expect(now.fileid).toBe(result.metadata.fileid);
    expect(sha1(await stored(now.fileid))).toBe(sha1('new content'));
    expect(Date.parse(now.modified) / 1000).toBe(MTIME);
  });

  test('names pCloud refuses and unreadable sources fail before anything is sent', async () => {
    const path = await localFile('ok.txt', 'ok');
    const before = fx.sent.length;
    expect(isPCloudError(await rejection(uploadFile(fx.client, path, { folderid: 0, name: 'a\\b' })), 'INVALID_NAME')).toBe(true);
    expect(isPCloudError(await rejection(uploadFile(fx.client, path, { folderid: 0, name: 'x'.repeat(1024) })), 'INVALID_NAME')).toBe(true);
    expect(isPCloudError(await rejection(uploadFile(fx.client, path, { path: '/Up/' })), 'INVALID_NAME')).toBe(true);
    expect(isPCloudError(await rejection(uploadFile(fx.client, path, { path: '/' })), 'INVALID_NAME')).toBe(true);
    expect(isPCloudError(await rejection(uploadFile(fx.client, `${path}.missing`, { path: '/Up/x' })), 'LOCAL_IO_ERROR')).toBe(true);
    expect(isPCloudError(await rejection(uploadFile(fx.client, tempDir(), { path: '/Up/x' })), 'LOCAL_IO_ERROR')).toBe(true);
    expect(since(before)).toEqual([]);
  });
});

describe('resumable upload (upload_create / upload_write / upload_save)', () => {
  const chunked = { resumableThreshold: 1024 * 1024, chunkSize: 256 * 1024 };

  test('a file above the threshold goes in chunks, mtime kept', async () => {
    const content = randomBytes(1536 * 1024 + 7);
    const path = await localFile('large.bin', content);
    const before = fx.sent.length;
    const events: Progress[] = [];
    const result = await uploadFile(fx.client, path, { path: '/Up/large.bin' }, { ...chunked, onProgress: (p) => events.push(p) });
    expect(result).toMatchObject({ via: 'upload_save', size: content.length, sha1: sha1(content) });
    expect(since(before)).toEqual(['upload_create', ...Array(7).fill('upload_write'), 'upload_info', 'upload_save']);
    expect(result.metadata.modified).toBe(formatPCloudDate(MTIME));
    expect(events.at(-1)).toEqual({ transferred: content.length, total: content.length });
    expect(sha1(await stored(result.metadata.fileid))).toBe(sha1(content));
  });

  test('a stream of unknown size, in uneven pieces', async () => {
    const pieces = Array.from({ length: 40 }, (_, i) => randomBytes(1000 + i * 997));
    const content = Buffer.concat(pieces);
    const result = await uploadStream(fx.client, Readable.from(pieces), { path: '/Up/stdin.bin' }, { chunkSize: 64 * 1024 });
    expect(result).toMatchObject({ via: 'upload_save', size: content.length, sha1: sha1(content) });
    expect(sha1(await stored(result.metadata.fileid))).toBe(sha1(content));
  });

  test('an empty stream makes an empty file', async () => {
    const result = await uploadStream(fx.client, Readable.from([]), { path: '/Up/empty-stream.txt' }, { mtime: MTIME });
    expect(result.metadata).toMatchObject({ size: 0, name: 'empty-stream.txt', modified: formatPCloudDate(MTIME) });
  });

  test('a failed chunk is resumed from what upload_info reports', async () => {
    const content = randomBytes(1200 * 1024);
    const path = await localFile('resume.bin', content);
    fx.emu.faults.set({ rules: [{ methods: ['upload_write'], failEvery: 2 }] });
    const before = fx.sent.length;
    const result = await uploadFile(fx.client, path, { path: '/Up/resume.bin' }, chunked);
    const sent = since(before);
    // 5 chunks; every second write fails once and is followed by upload_info and a second write.
    expect(sent.filter((m) => m === 'upload_write').length).toBeGreaterThan(5);
    expect(sent.filter((m) => m === 'upload_info').length).toBeGreaterThan(1);
    expect(sha1(await stored(result.metadata.fileid))).toBe(sha1(content));
  });

  test('a stream chunk survives connection resets', async () => {
    const content = randomBytes(600 * 1024);
    fx.emu.faults.set({ rules: [{ methods: ['upload_write'], resetRequestEvery: 2 }] });
    const injected = fx.emu.faults.injected;
    const result = await uploadStream(fx.client, Readable.from([content]), { path: '/Up/reset-stream.bin' }, { chunkSize: 128 * 1024 });
    // Five chunks; every second write is reset, so each chunk after the first needs two writes.
    expect(fx.emu.faults.injected - injected).toBe(4);
    expect(sha1(await stored(result.metadata.fileid))).toBe(sha1(content));
  });

  /** Uploads 600 KiB in 256 KiB chunks through a flaky transport; returns the offsets written. */
  async function flakyUpload(
    name: string,
    plan: FlakyPlan,
    on: FilesFixture = fx,
  ): Promise<{ offsets: number[]; content: Buffer; fileid: number }> {
    const content = randomBytes(600 * 1024);
    const path = await localFile(name, content);
    const offsets: number[] = [];
    const client = on.newClient({
      transport: flakyTransport(plan),
      logger: (line) => {
        const match = /^http upload_write .*"uploadoffset":(\d+)/.exec(line);
        if (match) offsets.push(Number(match[1]));
      },
    });
    const result = await uploadFile(client, path, { path: `/Up/${name}` }, { resumableThreshold: 1, chunkSize: 256 * 1024 });
    expect(result.sha1).toBe(sha1(content));
    return { offsets, content, fileid: result.metadata.fileid };
  }

  test('a chunk broken off mid-body is resumed where the server stopped', async () => {
    // A disk-backed emulator keeps the bytes that arrived before the break, as a real disk would.
    const onDisk = await startFiles({ dataDir: tempDir() });
    try {
      onDisk.emu.seedFolder('/Up');
      // flakyUpload checks the sha1 the server computed over the whole upload.
      const { offsets } = await flakyUpload('cut.bin', { method: 'upload_write', cutOnCall: 2, cutAfter: 100_000 }, onDisk);
      expect(offsets).toEqual([0, 262_144, 262_144 + 100_000, 524_288]);
    } finally {
      await onDisk.close();
    }
  });

  test('after a chunk broken off mid-body, a server still busy with it (2068) is waited out', async () => {
    const onDisk = await startFiles({ dataDir: tempDir() });
    try {
      onDisk.emu.seedFolder('/Up');
      const { offsets } = await flakyUpload('busy.bin', { method: 'upload_write', cutOnCall: 2, cutAfter: 100_000, busyOnCall: 3 }, onDisk);
      expect(offsets).toEqual([0, 262_144, 262_144 + 100_000, 262_144 + 100_000, 524_288]);
    } finally {
      await onDisk.close();
    }
  });

  test('a write refused with 2068 out of the blue (another client writes) is not retried', async () => {
    const path = await localFile('other-writer.bin', randomBytes(300 * 1024));
    const client = fx.newClient({ transport: flakyTransport({ method: 'upload_write', busyOnCall: 1 }) });
    const error = await rejection(
      uploadFile(client, path, { path: '/Up/other-writer.bin' }, { resumableThreshold: 1, chunkSize: 256 * 1024 }),
    );
    expect(error).toMatchObject({ result: 2068, method: 'upload_write' });
  });

  test('a complete chunk whose answer was lost is not sent again', async () => {
    const { offsets, content, fileid } = await flakyUpload('lost.bin', { method: 'upload_write', loseAnswerOnCall: 1 });
    expect(offsets).toEqual([0, 262_144, 524_288]);
    expect(sha1(await stored(fileid))).toBe(sha1(content));
  });

  test('corruption is caught before saving, and nothing is saved', async () => {
    const path = await localFile('corrupt-large.bin', randomBytes(300 * 1024));
    const client = fx.newClient({ transport: corruptingTransport('upload_write') });
    const error = await rejection(
      uploadFile(client, path, { path: '/Up/corrupt-large.bin' }, { resumableThreshold: 1, chunkSize: 100 * 1024 }),
    );
    expect(isPCloudError(error, 'CHECKSUM_MISMATCH')).toBe(true);
    expect(await tryStat(fx.client, { path: '/Up/corrupt-large.bin' })).toBeUndefined();
  });

  test('an abort stops the upload and saves nothing', async () => {
    const path = await localFile('abort.bin', randomBytes(1024 * 1024));
    const controller = new AbortController();
    const error = await rejection(
      uploadFile(
        fx.client,
        path,
        { path: '/Up/abort.bin' },
        { ...chunked, chunkSize: 128 * 1024, onProgress: (p) => p.transferred > 300_000 && controller.abort(), signal: controller.signal },
      ),
    );
    expect(isPCloudError(error, 'ABORTED')).toBe(true);
    expect(await tryStat(fx.client, { path: '/Up/abort.bin' })).toBeUndefined();
  });
});
