import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  ApiError,
  checksumFile,
  copyFile,
  copyFolder,
  createFolder,
  deleteFile,
  deleteFolder,
  deleteTree,
  isNotFound,
  listFolder,
  mkdirp,
  renameFile,
  renameFolder,
  stat,
  tryStat,
} from '../../src/index.js';
import { startFiles, type FilesFixture } from './support/files-fixture.js';

let fx: FilesFixture;
beforeAll(async () => {
  fx = await startFiles();
});
afterAll(() => fx.close());

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('stat', () => {
  test('files and folders by path and by id, and the root', async () => {
    const fileid = await fx.emu.seedFile('/Stat/a.txt', 'hello');
    const byPath = await stat(fx.client, { path: '/Stat/a.txt' });
    expect(byPath).toMatchObject({ isfolder: false, fileid, name: 'a.txt', size: 5 });
    expect(await stat(fx.client, { fileid })).toMatchObject({ fileid, name: 'a.txt' });
    const folder = await stat(fx.client, { path: '/Stat' });
    expect(folder).toMatchObject({ isfolder: true, name: 'Stat' });
    if (!folder.isfolder) throw new Error('expected a folder');
    expect(await stat(fx.client, { folderid: folder.folderid })).toMatchObject({ name: 'Stat', isfolder: true });
    const root = await stat(fx.client, { path: '/' });
    expect(root).toMatchObject({ isfolder: true, folderid: 0, id: 'd0' });
    expect('contents' in root).toBe(false);
  });

  test('a missing item is recognisable, and tryStat answers undefined', async () => {
    const error = await rejection(stat(fx.client, { path: '/Stat/nope.txt' }));
    expect(error).toBeInstanceOf(ApiError);
    expect(isNotFound(error)).toBe(true);
    expect(await tryStat(fx.client, { path: '/No/Such/thing' })).toBeUndefined();
    expect(await tryStat(fx.client, { fileid: 99_999_999 })).toBeUndefined();
    expect(isNotFound(new Error('other'))).toBe(false);
  });

  test('content hashes above 2^53 stay exact bigints', async () => {
    // Several contents so that at least one hash exceeds 2^53 (they are spread over 64 bits).
    const hashes: bigint[] = [];
    for (let i = 0; i < 8; i++) {
      const fileid = await fx.emu.seedFile(`/Hashes/h${i}.bin`, `content ${i}`);
      const item = await stat(fx.client, { fileid });
      if (item.isfolder) throw new Error('expected a file');
      expect(typeof item.hash).toBe('bigint');
      const node = fx.emu.state.files.tree(fx.emu.seeded.userid).file(fileid);
      expect(item.hash).toBe(node?.hash);
      hashes.push(item.hash);
    }
    expect(hashes.some((h) => h > 2n ** 53n)).toBe(true);
  });
});

describe('folders', () => {
  test('listFolder lists one level; recursive gives nested contents', async () => {
    await fx.emu.seedFile('/List/x/y/deep.txt', 'deep');
    await fx.emu.seedFile('/List/top.txt', 'top');
    const flat = await listFolder(fx.client, { path: '/List' });
    expect(flat.contents.map((c) => c.name).sort()).toEqual(['top.txt', 'x']);
    const x = flat.contents.find((c) => c.name === 'x');
    expect(x?.isfolder && x.contents).toBeFalsy();
    const deep = await listFolder(fx.client, { path: '/List' }, { recursive: true });
    const nested = deep.contents.find((c) => c.name === 'x');
    expect(nested?.isfolder && nested.contents?.[0]?.name).toBe('y');
    const foldersOnly = await listFolder(fx.client, { path: '/List' }, { nofiles: true });
    expect(foldersOnly.contents.map((c) => c.name)).toEqual(['x']);
  });

  test('mkdirp creates missing parents, accepts existing folders, and costs one call when parents exist', async () => {
    const made = await mkdirp(fx.client, '/Mk/a/b/c');
    expect(made.created).toBe(true);
    expect(await stat(fx.client, { path: '/Mk/a/b/c' })).toMatchObject({ folderid: made.metadata.folderid });
    const again = await mkdirp(fx.client, '/Mk/a/b/c/');
    expect(again).toMatchObject({ created: false, metadata: { folderid: made.metadata.folderid } });
    const before = fx.sent.length;
    await mkdirp(fx.client, '/Mk/a/b/d');
    expect(fx.sent.slice(before)).toEqual(['createfolderifnotexists']);
    expect((await mkdirp(fx.client, '/')).metadata.folderid).toBe(0);
  });

  test('createFolder fails on an existing folder and a missing parent', async () => {
    const made = await createFolder(fx.client, { path: '/Create1' });
    expect(made.name).toBe('Create1');
    expect(((await rejection(createFolder(fx.client, { path: '/Create1' }))) as ApiError).result).toBe(2004);
    const missing = await rejection(createFolder(fx.client, { folderid: made.folderid, name: 'x/y' }));
    expect((missing as ApiError).result).toBe(2001);
  });

  test('deleteFolder removes an empty folder and refuses a full one; deleteTree returns the counts', async () => {
    const empty = await mkdirp(fx.client, '/Del/empty');
    expect((await deleteFolder(fx.client, { folderid: empty.metadata.folderid })).isdeleted).toBe(true);
    await fx.emu.seedFile('/Del/full/one.txt', '1');
    await fx.emu.seedFile('/Del/full/sub/two.txt', '2');
    await fx.emu.seedFile('/Del/full/sub/three.txt', '3');
    expect(((await rejection(deleteFolder(fx.client, { path: '/Del/full' }))) as ApiError).result).toBe(2006);
    expect(await deleteTree(fx.client, { path: '/Del/full' })).toEqual({ deletedfiles: 3, deletedfolders: 2 });
    expect(await tryStat(fx.client, { path: '/Del/full' })).toBeUndefined();
  });

  test('renameFolder renames and moves', async () => {
    const src = await mkdirp(fx.client, '/Ren/src');
    const renamed = await renameFolder(fx.client, { folderid: src.metadata.folderid }, { toname: 'renamed' });
    expect(renamed.name).toBe('renamed');
    const dest = await mkdirp(fx.client, '/Ren/dest');
    const moved = await renameFolder(fx.client, { path: '/Ren/renamed' }, { tofolderid: dest.metadata.folderid });
    expect(moved).toMatchObject({ folderid: src.metadata.folderid, parentfolderid: dest.metadata.folderid });
  });

  test('copyFolder copies a tree on the server', async () => {
    await fx.emu.seedFile('/CopyDir/src/a.txt', 'A');
    await fx.emu.seedFile('/CopyDir/src/in/b.txt', 'B');
    const target = await mkdirp(fx.client, '/CopyDir/target');
    const copy = await copyFolder(fx.client, { path: '/CopyDir/src' }, { tofolderid: target.metadata.folderid });
    expect(copy.name).toBe('src');
    const listed = await listFolder(fx.client, { path: '/CopyDir/target/src' }, { recursive: true });
    expect(listed.contents.map((c) => c.name).sort()).toEqual(['a.txt', 'in']);
  });
});

describe('files', () => {
  test('deleteFile, renameFile (rename and move), copyFile', async () => {
    const fileid = await fx.emu.seedFile('/Files/one.txt', 'one');
    const renamed = await renameFile(fx.client, { fileid }, { toname: 'uno.txt' });
    expect(renamed).toMatchObject({ fileid, name: 'uno.txt' });
    await mkdirp(fx.client, '/Files/sub');
    const moved = await renameFile(fx.client, { path: '/Files/uno.txt' }, { topath: '/Files/sub/' });
    expect(moved).toMatchObject({ fileid, name: 'uno.txt' });
    const copy = await copyFile(fx.client, { fileid }, { topath: '/Files/copy.txt' }, { mtime: 1_600_000_000 });
    expect(copy.fileid).not.toBe(fileid);
    expect(copy.name).toBe('copy.txt');
    const noover = await rejection(copyFile(fx.client, { fileid }, { topath: '/Files/copy.txt' }, { noover: true }));
    expect((noover as ApiError).result).toBe(2004);
    expect((await deleteFile(fx.client, { fileid: copy.fileid })).isdeleted).toBe(true);
    expect(isNotFound(await rejection(deleteFile(fx.client, { fileid: copy.fileid })))).toBe(true);
  });

  test('checksumFile gives sha1 and sha256 on an EU account', async () => {
    const fileid = await fx.emu.seedFile('/Sums/hello.txt', 'hello');
    const sums = await checksumFile(fx.client, { fileid });
    expect(sums.sha1).toBe('aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d');
    expect(sums.sha256).toBe('2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824');
    expect(sums.md5).toBeUndefined();
    expect(sums.metadata).toMatchObject({ fileid, size: 5 });
  });
});
