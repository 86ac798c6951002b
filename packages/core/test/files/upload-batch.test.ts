import { createHash, randomBytes } from 'node:crypto';
import { utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { isPCloudError, listFolder, parsePCloudDate, uploadBatch, type BatchOutcome } from '../../src/index.js';
import { tempDir } from '../helpers/temp-dir.js';
import { corruptingTransport } from './support/corrupting-transport.js';
import { startFiles, type FilesFixture } from './support/files-fixture.js';

let fx: FilesFixture;
beforeAll(async () => {
  fx = await startFiles();
});
afterEach(() => fx.emu.faults.set({}));
afterAll(() => fx.close());

const sha1 = (data: Buffer): string => createHash('sha1').update(data).digest('hex');
const MTIME = 1_627_121_472;

/** `count` local files of distinct random content (sizes differ too), with mtimes from `mtimeOf`. */
async function localFiles(count: number, mtimeOf: (index: number) => number = () => MTIME) {
  const dir = tempDir();
  const files = [];
  for (let i = 0; i < count; i++) {
    const content = randomBytes(100 + i * 37);
    const localPath = join(dir, `f${i}.bin`);
    await writeFile(localPath, content);
    await utimes(localPath, mtimeOf(i), mtimeOf(i));
    files.push({ localPath, name: `f${i}.bin`, content });
  }
  return files;
}

/** The files of a remote folder: name → { sha1 from the server, mtime }. */
async function remote(path: string): Promise<Map<string, { sha1: string; mtime: number | undefined }>> {
  const out = new Map<string, { sha1: string; mtime: number | undefined }>();
  for (const item of (await listFolder(fx.client, { path })).contents ?? []) {
    if (item.isfolder) continue;
    const { sha1: digest } = await fx.client.call('checksumfile', { fileid: item.fileid });
    out.set(item.name, { sha1: digest, mtime: parsePCloudDate(item.modified) });
  }
  return out;
}

const okNames = (outcomes: BatchOutcome[]): string[] => outcomes.flatMap((o) => (o.ok ? [o.result.metadata.name] : []));

describe('uploadBatch: several new files in one multipart uploadfile request', () => {
  test('each file is answered by its own entry, in order; times kept per group of equal times, one request per group', async () => {
    await fx.client.call('createfolderifnotexists', { path: '/batch' });
    // Two groups of mtimes: the request carries mtime, so they cannot share one.
    const files = await localFiles(12, (i) => MTIME + (i % 2) * 100);
    const before = fx.sent.length;
    const outcomes = await uploadBatch(fx.client, '/batch', files);
    expect(fx.sent.slice(before)).toEqual(['uploadfile', 'uploadfile']);
    expect(okNames(outcomes)).toEqual(files.map((f) => f.name));
    for (const [i, outcome] of outcomes.entries()) {
      expect(outcome.ok && outcome.result.sha1).toBe(sha1(files[i]!.content));
      expect(outcome.ok && outcome.result.size).toBe(files[i]!.content.length);
    }
    const stored = await remote('/batch');
    expect(stored.size).toBe(12);
    for (const [i, f] of files.entries()) expect(stored.get(f.name)).toEqual({ sha1: sha1(f.content), mtime: MTIME + (i % 2) * 100 });
  });

  test('a file whose bytes arrive changed fails alone and is deleted; the others of its request stand', async () => {
    await fx.client.call('createfolderifnotexists', { path: '/batch-corrupt' });
    const files = await localFiles(5);
    const client = fx.newClient({ transport: corruptingTransport('uploadfile', 2) });
    const outcomes = await uploadBatch(client, '/batch-corrupt', files);
    expect(outcomes.map((o) => o.ok)).toEqual([true, true, false, true, true]);
    const failure = outcomes[2] as { ok: false; error: unknown };
    expect(isPCloudError(failure.error) && failure.error.code).toBe('CHECKSUM_MISMATCH');
    const stored = await remote('/batch-corrupt');
    expect([...stored.keys()].sort()).toEqual(['f0.bin', 'f1.bin', 'f3.bin', 'f4.bin']);
    for (const i of [0, 1, 3, 4]) expect(stored.get(`f${i}.bin`)?.sha1).toBe(sha1(files[i]!.content));
  });

  test('an answer lost to a reset after the server stored the files: sent again, every file once, whole', async () => {
    await fx.client.call('createfolderifnotexists', { path: '/batch-reset' });
    const files = await localFiles(8);
    fx.emu.faults.set({ rules: [{ methods: ['uploadfile'], resetResponseEvery: 1 }] });
    // Only the first answer is cut: the rule goes once that request has been stored.
    const watch = setInterval(() => {
      if (fx.emu.faults.tally.responseResets > 0) fx.emu.faults.set({});
    }, 1);
    const resetsBefore = fx.emu.faults.tally.responseResets;
    const outcomes = await uploadBatch(fx.client, '/batch-reset', files).finally(() => clearInterval(watch));
    expect(fx.emu.faults.tally.responseResets - resetsBefore).toBe(1);
    expect(okNames(outcomes)).toEqual(files.map((f) => f.name));
    const stored = await remote('/batch-reset');
    expect([...stored.keys()].sort()).toEqual(files.map((f) => f.name).sort());
    for (const f of files) expect(stored.get(f.name)?.sha1).toBe(sha1(f.content));
  });

  test('a request refused as a whole fails every file of it with the answer; a missing local file fails alone', async () => {
    await fx.client.call('createfolderifnotexists', { path: '/batch-refused' });
    const files = await localFiles(3);
    const missing = { localPath: join(tempDir(), 'gone.bin'), name: 'gone.bin' };
    fx.emu.faults.set({ rules: [{ methods: ['uploadfile'], failEvery: 1, failResult: 2008 }] });
    const outcomes = await uploadBatch(fx.client, '/batch-refused', [...files, missing]);
    expect(outcomes.map((o) => !o.ok && isPCloudError(o.error) && o.error.code)).toEqual([
      'API_ERROR',
      'API_ERROR',
      'API_ERROR',
      'LOCAL_IO_ERROR',
    ]);
    expect(outcomes.slice(0, 3).map((o) => !o.ok && (o.error as { result?: number }).result)).toEqual([2008, 2008, 2008]);
    fx.emu.faults.set({});
    expect((await remote('/batch-refused')).size).toBe(0);
  });

  test('replacing files go up under temporary names and move over the old ones once verified; a corrupted one leaves its old file whole', async () => {
    await fx.client.call('createfolderifnotexists', { path: '/batch-replace' });
    const old = await localFiles(4);
    expect(okNames(await uploadBatch(fx.client, '/batch-replace', old))).toHaveLength(4);
    const fresh = (await localFiles(5)).map((f, i) => ({ ...f, content: f.content, replace: i < 4 }));
    // Part 1 (f1.bin, a replacement) arrives changed: the old f1.bin must survive it.
    const client = fx.newClient({ transport: corruptingTransport('uploadfile', 1) });
    const before = fx.sent.length;
    const outcomes = await uploadBatch(client, '/batch-replace', fresh);
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true, true, true]);
    expect(okNames(outcomes)).toEqual(['f0.bin', 'f2.bin', 'f3.bin', 'f4.bin']);
    // One upload for all five, one move for each verified replacement, one delete for the bad part.
    const calls = fx.sent.slice(before);
    expect(calls.filter((m) => m === 'uploadfile')).toHaveLength(1);
    expect(calls.filter((m) => m === 'renamefile')).toHaveLength(3);
    const stored = await remote('/batch-replace');
    // No temporary file is left, and every name holds either its new bytes or (f1) its old ones.
    expect([...stored.keys()].sort()).toEqual(['f0.bin', 'f1.bin', 'f2.bin', 'f3.bin', 'f4.bin']);
    for (const i of [0, 2, 3, 4]) expect(stored.get(`f${i}.bin`)?.sha1).toBe(sha1(fresh[i]!.content));
    expect(stored.get('f1.bin')?.sha1).toBe(sha1(old[1]!.content));
  });
});
