import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHash } from 'node:crypto';
import { parseJson } from '@pcloud/core/internal';
import type { Emulator } from '../src/index.js';
import { api, ok, startEmulator } from './support/emulator-fixture.js';
import { multipart, type Part } from './support/multipart.js';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());

async function upload(query: Record<string, string | number>, parts: Part[]): Promise<Record<string, any>> {
  const { body, contentType } = multipart(parts);
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  const response = await fetch(`${emu.apiUrl}/uploadfile?${qs}`, {
    method: 'POST',
    body,
    headers: { 'Content-Type': contentType, Authorization: `Bearer ${emu.token}` },
  });
  return parseJson(await response.text()) as Record<string, any>;
}

const sha1 = (text: string): string => createHash('sha1').update(text).digest('hex');

describe('uploadfile (multipart)', () => {
  test('several files, empty ones included, one metadata and one checksums entry each', async () => {
    const folderid = emu.seedFolder('/Up/many');
    const files = [
      { name: 'a.txt', content: 'alpha' },
      { name: 'empty.txt', content: '' },
      { name: 'b.txt', content: 'beta' },
    ];
    const answer = await upload(
      { folderid },
      files.map((f) => ({ name: 'file', filename: f.name, content: f.content })),
    );
    expect(answer.result).toBe(0);
    expect(answer.fileids).toHaveLength(3);
    expect(answer.metadata.map((m: { name: string }) => m.name)).toEqual(files.map((f) => f.name));
    expect(answer.metadata.map((m: { size: number }) => m.size)).toEqual([5, 0, 4]);
    expect(answer.checksums.map((c: { sha1: string }) => c.sha1)).toEqual(files.map((f) => sha1(f.content)));
    expect(answer.metadata[1].parentfolderid).toBe(folderid);
  });

  test('UTF-8 names and names with & # % + survive', async () => {
    const folderid = emu.seedFolder('/Up/names');
    const names = ['Ünïcödé — 東京.txt', 'a & b # c % d + e.txt', '100% + more.mp3'];
    const answer = await upload(
      { folderid },
      names.map((filename) => ({ name: 'f', filename, content: filename })),
    );
    expect(answer.metadata.map((m: { name: string }) => m.name)).toEqual(names);
    const listed = await ok(emu, 'listfolder', { folderid });
    expect(listed.metadata.contents.map((c: { name: string }) => c.name).sort()).toEqual([...names].sort());
  });

  test('parameters may come as leading form fields', async () => {
    const folderid = emu.seedFolder('/Up/fields');
    const answer = await upload({}, [
      { name: 'folderid', value: String(folderid) },
      { name: 'mtime', value: '1627121472' },
      { name: 'file', filename: 'f.txt', content: 'x' },
    ]);
    expect(answer.metadata[0]).toMatchObject({ parentfolderid: folderid, modified: 'Sat, 24 Jul 2021 10:11:12 +0000' });
  });

  test('no file parts: empty arrays', async () => {
    expect(await upload({ folderid: 0 }, [{ name: 'x', value: 'y' }])).toEqual({ result: 0, fileids: [], metadata: [], checksums: [] });
  });

  test('overwrite keeps the fileid; renameifexists keeps both', async () => {
    const folderid = emu.seedFolder('/Up/over');
    const first = await upload({ folderid }, [{ name: 'f', filename: 'same.txt', content: 'one' }]);
    const second = await upload({ folderid }, [{ name: 'f', filename: 'same.txt', content: 'two!' }]);
    expect(second.fileids[0]).toBe(first.fileids[0]);
    expect(second.metadata[0].size).toBe(4);
    const third = await upload({ folderid, renameifexists: 1 }, [{ name: 'f', filename: 'same.txt', content: '3' }]);
    expect(third.metadata[0].name).toBe('same (2).txt');
    expect(third.fileids[0]).not.toBe(first.fileids[0]);
  });

  test('mtime sets modified; ctime with it sets created', async () => {
    const answer = await upload({ folderid: emu.seedFolder('/Up/times'), mtime: 1627121472, ctime: 1600000000 }, [
      { name: 'f', filename: 't.txt', content: 't' },
    ]);
    expect(answer.metadata[0]).toMatchObject({ modified: 'Sat, 24 Jul 2021 10:11:12 +0000', created: 'Sun, 13 Sep 2020 12:26:40 +0000' });
  });

  test('bad names (2001) and missing folders (2005) are refused', async () => {
    expect((await upload({ folderid: 0 }, [{ name: 'f', filename: 'x'.repeat(1024), content: 'x' }])).result).toBe(2001);
    expect((await upload({ folderid: 0 }, [{ name: 'f', filename: 'a\\b', content: 'x' }])).result).toBe(2001);
    expect((await upload({ path: '/No/Such' }, [{ name: 'f', filename: 'a', content: 'x' }])).result).toBe(2005);
    // The connection is still usable afterwards.
    expect((await ok(emu, 'listfolder', { folderid: 0 })).result).toBe(0);
  });
});

describe('uploadfile (raw bodies)', () => {
  test('PUT with filename in the query', async () => {
    const response = await fetch(`${emu.apiUrl}/uploadfile?path=/&filename=put.txt&nopartial=1&mtime=1627121472`, {
      method: 'PUT',
      body: 'put body',
      headers: { Authorization: `Bearer ${emu.token}`, 'Content-Type': 'text/plain' },
    });
    const answer = parseJson(await response.text()) as Record<string, any>;
    expect(answer.metadata[0]).toMatchObject({ name: 'put.txt', size: 8, modified: 'Sat, 24 Jul 2021 10:11:12 +0000' });
    expect(answer.checksums[0].sha1).toBe(sha1('put body'));
  });

  test('raw POST application/octet-stream (as Duplicati sends)', async () => {
    const response = await fetch(`${emu.apiUrl}/uploadfile?folderid=0&filename=raw.bin&nopartial=1`, {
      method: 'POST',
      body: Buffer.from([1, 2, 3]),
      headers: { Authorization: `Bearer ${emu.token}`, 'Content-Type': 'application/octet-stream' },
    });
    const answer = parseJson(await response.text()) as Record<string, any>;
    expect(answer.metadata[0]).toMatchObject({ name: 'raw.bin', size: 3 });
  });
});

describe('large content', () => {
  test('content above the in-memory limit round-trips with the right digests', async () => {
    const big = Buffer.alloc(12 * 1024 * 1024);
    for (let i = 0; i < big.length; i += 4096) big.writeUInt32BE(i, i);
    const response = await fetch(`${emu.apiUrl}/uploadfile?folderid=0&filename=big.bin`, {
      method: 'PUT',
      body: big,
      headers: { Authorization: `Bearer ${emu.token}` },
    });
    const answer = parseJson(await response.text()) as Record<string, any>;
    expect(answer.checksums[0].sha1).toBe(createHash('sha1').update(big).digest('hex'));
    const link = await ok(emu, 'getfilelink', { fileid: answer.fileids[0] });
    const back = Buffer.from(await (await fetch(`http://${link.hosts[0]}${link.path}`)).arrayBuffer());
    expect(back.equals(big)).toBe(true);
    const copy = await ok(emu, 'copyfile', { fileid: answer.fileids[0], topath: '/big copy.bin' });
    await ok(emu, 'deletefile', { fileid: answer.fileids[0] });
    const again = await ok(emu, 'getfilelink', { fileid: copy.metadata.fileid });
    expect((await (await fetch(`http://${again.hosts[0]}${again.path}`)).arrayBuffer()).byteLength).toBe(big.length);
  });
});

describe('large announced content (hashed on a worker thread)', () => {
  test('a raw PUT above the threshold answers the sha1 and sha256 of every byte and stores them', async () => {
    const big = Buffer.alloc(17 * 1024 * 1024 + 3);
    for (let i = 0; i + 4 <= big.length; i += 4096) big.writeUInt32BE(i ^ 0x5a5a5a5a, i);
    const response = await fetch(`${emu.apiUrl}/uploadfile?folderid=0&filename=announced.bin`, {
      method: 'PUT',
      body: big,
      headers: { Authorization: `Bearer ${emu.token}` },
    });
    const answer = parseJson(await response.text()) as Record<string, any>;
    expect(answer.checksums[0]).toEqual({
      sha1: createHash('sha1').update(big).digest('hex'),
      sha256: createHash('sha256').update(big).digest('hex'),
    });
    const checksums = await ok(emu, 'checksumfile', { fileid: answer.fileids[0] });
    expect(checksums.sha256).toBe(answer.checksums[0].sha256);
    const link = await ok(emu, 'getfilelink', { fileid: answer.fileids[0] });
    const back = Buffer.from(await (await fetch(`http://${link.hosts[0]}${link.path}`)).arrayBuffer());
    expect(back.equals(big)).toBe(true);
  });

  test('a body shorter than announced stores nothing, and the next upload works', async () => {
    const folderid = emu.seedFolder('/Up/short');
    const { request } = await import('node:http');
    const url = new URL(`${emu.apiUrl}/uploadfile?folderid=${folderid}&filename=short.bin`);
    await new Promise<void>((resolve) => {
      const req = request(url, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${emu.token}`, 'Content-Length': String(32 * 1024 * 1024) },
      });
      req.on('error', () => resolve());
      req.write(Buffer.alloc(9 * 1024 * 1024, 1), () => setTimeout(() => req.destroy(), 50));
      req.on('close', () => resolve());
    });
    const after = await ok(emu, 'listfolder', { folderid });
    expect(after.metadata.contents).toEqual([]);
    const big = Buffer.alloc(16 * 1024 * 1024, 9);
    const response = await fetch(`${emu.apiUrl}/uploadfile?folderid=${folderid}&filename=next.bin`, {
      method: 'PUT',
      body: big,
      headers: { Authorization: `Bearer ${emu.token}` },
    });
    const answer = parseJson(await response.text()) as Record<string, any>;
    expect(answer.checksums[0].sha1).toBe(createHash('sha1').update(big).digest('hex'));
  });
});

describe('upload_* sessions', () => {
  async function write(uploadid: number, offset: number, data: string): Promise<Record<string, any>> {
    const response = await fetch(`${emu.apiUrl}/upload_write?uploadid=${uploadid}&uploadoffset=${offset}`, {
      method: 'PUT',
      body: data,
      headers: { Authorization: `Bearer ${emu.token}` },
    });
    return parseJson(await response.text()) as Record<string, any>;
  }

  test('create, write at offsets, info, save as a file', async () => {
    const { uploadid } = await ok(emu, 'upload_create');
    expect(typeof uploadid).toBe('number');
    expect((await write(uploadid, 0, 'hello ')).result).toBe(0);
    expect((await write(uploadid, 6, 'world')).result).toBe(0);
    const info = await ok(emu, 'upload_info', { uploadid });
    expect(info).toMatchObject({ size: 11, sha1: sha1('hello world'), md5: createHash('md5').update('hello world').digest('hex') });
    const saved = await ok(emu, 'upload_save', { uploadid, folderid: emu.seedFolder('/Sessions'), name: 'hw.txt', mtime: 1627121472 });
    expect(saved.metadata).toMatchObject({ name: 'hw.txt', size: 11, modified: 'Sat, 24 Jul 2021 10:11:12 +0000' });
    expect((await api(emu, 'upload_info', { uploadid })).body.result).toBe(2067);
  });

  test('upload_delete abandons; unknown ids answer 2067', async () => {
    const { uploadid } = await ok(emu, 'upload_create');
    await ok(emu, 'upload_delete', { uploadid });
    expect((await write(uploadid, 0, 'x')).result).toBe(2067);
    expect((await api(emu, 'upload_save', { uploadid: 1, path: '/x' })).body.result).toBe(2067);
  });
});
