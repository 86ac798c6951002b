import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHash } from 'node:crypto';
import type { Emulator } from '../src/index.js';
import { api, ok, startEmulator } from './support/emulator-fixture.js';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());

describe('stat', () => {
  test('answers for files and folders, by path and by id', async () => {
    const fileid = await emu.seedFile('/Stat/doc.pdf', 'pdf bytes');
    const file = await ok(emu, 'stat', { path: '/Stat/doc.pdf' });
    expect(file.metadata).toMatchObject({
      id: `f${fileid}`,
      fileid,
      isfolder: false,
      name: 'doc.pdf',
      size: 9,
      contenttype: 'application/pdf',
    });
    expect((await ok(emu, 'stat', { fileid })).metadata.name).toBe('doc.pdf');
    const folder = await ok(emu, 'stat', { path: '/Stat' });
    expect(folder.metadata).toMatchObject({ isfolder: true, name: 'Stat', id: `d${folder.metadata.folderid}` });
    expect((await ok(emu, 'stat', { path: '/' })).metadata).toMatchObject({ folderid: 0, name: '/' });
    expect((await ok(emu, 'stat', { folderid: folder.metadata.folderid })).metadata.name).toBe('Stat');
  });

  test('a missing path or id answers 2055', async () => {
    for (const params of [{ path: '/Stat/none' }, { path: '/None/at/all' }, { fileid: 99999999 }]) {
      expect((await api(emu, 'stat', params)).body).toEqual({ result: 2055, error: 'File or folder not found' });
    }
  });

  test('a file and a folder may share a name', async () => {
    await ok(emu, 'createfolder', { path: '/Twin' });
    await ok(emu, 'createfolder', { path: '/Twin/same' });
    await emu.seedFile('/Twin/same', 'file');
    const listing = await ok(emu, 'listfolder', { path: '/Twin' });
    expect(listing.metadata.contents.map((c: { isfolder: boolean }) => c.isfolder)).toEqual([true, false]);
  });
});

describe('deletefile / renamefile / copyfile', () => {
  test('deletefile returns the metadata marked isdeleted; missing ones 2009', async () => {
    const fileid = await emu.seedFile('/DelFile/x.txt', 'x');
    expect((await ok(emu, 'deletefile', { fileid })).metadata).toMatchObject({ fileid, isdeleted: true });
    expect((await api(emu, 'deletefile', { fileid })).body).toEqual({ result: 2009, error: 'File not found.' });
    expect((await api(emu, 'deletefile', {})).body).toEqual({ result: 1004, error: 'No fileid or path provided.' });
  });

  test('renamefile renames, moves into a folder path ending in /, and replaces a target', async () => {
    const fileid = await emu.seedFile('/Ren/a.txt', 'a');
    await ok(emu, 'createfolder', { path: '/Ren/into' });
    expect((await ok(emu, 'renamefile', { fileid, toname: 'b.txt' })).metadata).toMatchObject({ fileid, name: 'b.txt' });
    expect((await ok(emu, 'renamefile', { fileid, topath: '/Ren/into/' })).metadata).toMatchObject({
      name: 'b.txt',
      path: '/Ren/into/b.txt',
    });
    const other = await emu.seedFile('/Ren/c.txt', 'c');
    const replaced = await ok(emu, 'renamefile', { fileid, topath: '/Ren/c.txt' });
    expect(replaced.metadata).toMatchObject({ fileid, name: 'c.txt', deletedfileid: other });
    expect((await api(emu, 'renamefile', { fileid })).body.result).toBe(1037);
    expect((await api(emu, 'renamefile', { fileid, toname: 'bad/name' })).body.result).toBe(2001);
  });

  test('copyfile copies (independent id), honours noover and mtime', async () => {
    const fileid = await emu.seedFile('/Copy/src.txt', 'copy me');
    const copy = await ok(emu, 'copyfile', { fileid, topath: '/Copy/dst.txt', mtime: 1627121472 });
    expect(copy.metadata.fileid).not.toBe(fileid);
    expect(copy.metadata).toMatchObject({ name: 'dst.txt', size: 7, modified: 'Sat, 24 Jul 2021 10:11:12 +0000' });
    expect((await api(emu, 'copyfile', { fileid, topath: '/Copy/dst.txt', noover: 1 })).body.result).toBe(2004);
    const again = await ok(emu, 'copyfile', { fileid, tofolderid: copy.metadata.parentfolderid, toname: 'dst.txt' });
    expect(again.metadata.fileid).toBe(copy.metadata.fileid);
    expect((await api(emu, 'copyfile', { fileid })).body.result).toBe(1016);
  });

  test('checksumfile gives sha1 and sha256 in the EU', async () => {
    const fileid = await emu.seedFile('/Sum/hello.txt', 'hello');
    const sums = await ok(emu, 'checksumfile', { fileid });
    expect(sums.sha1).toBe('aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d');
    expect(sums.sha256).toBe('2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824');
    expect(sums.md5).toBeUndefined();
    expect(sums.metadata.fileid).toBe(fileid);
  });
});

describe('checksumfile in the US', () => {
  test('gives sha1 and md5', async () => {
    const us = await startEmulator({ region: 'us' });
    try {
      const fileid = await us.seedFile('/h.txt', 'hello');
      const sums = await ok(us, 'checksumfile', { fileid });
      expect(sums).toMatchObject({ sha1: 'aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d', md5: '5d41402abc4b2a76b9719d911017c592' });
      expect(sums.sha256).toBeUndefined();
    } finally {
      await us.close();
    }
  });
});

describe('renamefolder / copyfolder', () => {
  test('renamefolder renames and moves, refusing root, cycles and clashes', async () => {
    const a = (await ok(emu, 'createfolder', { path: '/RF' })).metadata.folderid;
    const b = (await ok(emu, 'createfolder', { path: '/RF/b' })).metadata.folderid;
    await ok(emu, 'createfolder', { path: '/RF/c' });
    expect((await ok(emu, 'renamefolder', { folderid: b, toname: 'b2' })).metadata).toMatchObject({ folderid: b, name: 'b2' });
    expect((await api(emu, 'renamefolder', { folderid: b, toname: 'c' })).body.result).toBe(2004);
    expect((await api(emu, 'renamefolder', { folderid: a, tofolderid: b })).body.result).toBe(2043);
    expect((await api(emu, 'renamefolder', { folderid: 0, toname: 'x' })).body.result).toBe(2042);
    expect((await api(emu, 'renamefolder', { folderid: b })).body.result).toBe(1037);
    expect((await ok(emu, 'renamefolder', { folderid: b, topath: '/RF/c/' })).metadata.path).toBe('/RF/c/b2');
  });

  test('copyfolder copies the folder, or its contents, with noover and skipexisting', async () => {
    await emu.seedFile('/CF/src/one.txt', 'one');
    await emu.seedFile('/CF/src/deep/two.txt', 'two');
    const dest = emu.seedFolder('/CF/dest');
    const copied = await ok(emu, 'copyfolder', { path: '/CF/src', tofolderid: dest });
    expect(copied.metadata).toMatchObject({ name: 'src', path: '/CF/dest/src' });
    const listing = await ok(emu, 'listfolder', { path: '/CF/dest/src', recursive: 1 });
    expect(listing.metadata.contents.map((c: { name: string }) => c.name)).toEqual(['deep', 'one.txt']);
    expect((await api(emu, 'copyfolder', { path: '/CF/src', tofolderid: dest, noover: 1 })).body.result).toBe(2004);
    await ok(emu, 'copyfolder', { path: '/CF/src', tofolderid: dest, skipexisting: 1 });
    const flat = emu.seedFolder('/CF/flat');
    await ok(emu, 'copyfolder', { path: '/CF/src', tofolderid: flat, copycontentonly: 1 });
    expect((await ok(emu, 'listfolder', { folderid: flat })).metadata.contents.map((c: { name: string }) => c.name)).toEqual([
      'deep',
      'one.txt',
    ]);
    expect((await api(emu, 'copyfolder', { path: '/CF/src', topath: '/CF/src/deep' })).body.result).toBe(2207);
    expect((await api(emu, 'copyfolder', { path: '/CF/src', topath: '/CF/src' })).body.result).toBe(2206);
    expect((await api(emu, 'copyfolder', { path: '/CF/src', topath: '/CF/missing' })).body.result).toBe(2208);
  });
});

describe('hashes', () => {
  test('are exact unsigned 64-bit integers in the JSON text, equal for equal content', async () => {
    const hashes = new Set<bigint>();
    for (let i = 0; i < 20; i++) {
      const fileid = await emu.seedFile(`/Hash/${i}.bin`, `content ${i}`);
      const answer = await api(emu, 'stat', { fileid });
      const literal = /"hash":(\d+)/.exec(answer.text)?.[1];
      expect(literal).toBeDefined();
      const expected = createHash('sha1').update(`content ${i}`).digest().readBigUInt64BE(0);
      expect(BigInt(literal!)).toBe(expected);
      hashes.add(BigInt(literal!));
    }
    expect([...hashes].some((h) => h > 2n ** 53n)).toBe(true);
    expect([...hashes].every((h) => h < 2n ** 64n)).toBe(true);
  });
});
