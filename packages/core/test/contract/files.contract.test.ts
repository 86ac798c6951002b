/** File and folder behaviour, identical over every transport (STYLE.md: one contract suite, every transport). */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PCloudClient } from '../../src/client/create-client.js';
import {
  checksumFile,
  copyFile,
  copyFolder,
  deleteFile,
  deleteFolder,
  deleteTree,
  downloadFile,
  listFolder,
  mkdirp,
  renameFile,
  renameFolder,
  stat,
  tryStat,
  uploadFile,
  type UploadOptions,
} from '../../src/files/index.js';
import { startContract, TRANSPORTS, type ContractContext } from './contract-setup.js';

const sha1 = (data: Buffer | string): string => createHash('sha1').update(data).digest('hex');

describe.each(TRANSPORTS)('file operations over $transport', ({ transport }) => {
  let ctx: ContractContext;
  let client: PCloudClient;

  beforeAll(async () => {
    ctx = await startContract(transport);
    client = ctx.client();
  });
  afterAll(() => ctx.close());

  async function upload(remote: string, content: string | Buffer, mtime?: number, options: UploadOptions = {}) {
    const local = join(ctx.dir, `up-${Math.random().toString(36).slice(2)}`);
    await writeFile(local, content);
    return uploadFile(client, local, { path: remote }, mtime === undefined ? options : { ...options, mtime });
  }

  it('uses the transport it was asked for', () => {
    expect(client.transport.kind).toBe(transport);
  });

  it('mkdir -p creates missing parents and reports whether it created anything', async () => {
    const first = await mkdirp(client, '/Contract/a/b/c');
    expect(first.created).toBe(true);
    expect(first.metadata).toMatchObject({ name: 'c', isfolder: true });
    const again = await mkdirp(client, '/Contract/a/b/c');
    expect(again).toMatchObject({ created: false, metadata: { folderid: first.metadata.folderid } });
  });

  it('stat works on files and folders, by path and by id; tryStat gives undefined for a missing path', async () => {
    await mkdirp(client, '/Contract/stat');
    const uploaded = await upload('/Contract/stat/ünïcode & #.txt', 'content');
    const byPath = await stat(client, { path: '/Contract/stat/ünïcode & #.txt' });
    expect(byPath).toMatchObject({ name: 'ünïcode & #.txt', isfolder: false, size: 7, fileid: uploaded.metadata.fileid });
    expect(await stat(client, { fileid: uploaded.metadata.fileid })).toMatchObject({ name: 'ünïcode & #.txt' });
    expect(await stat(client, { path: '/Contract/stat' })).toMatchObject({ isfolder: true, name: 'stat' });
    expect(await tryStat(client, { path: '/Contract/stat/missing' })).toBeUndefined();
  });

  it('upload keeps the mtime, answers the sha1, keeps the fileid on an in-place overwrite; empty files work', async () => {
    await mkdirp(client, '/Contract/up');
    const first = await upload('/Contract/up/file.txt', 'first version', 1_600_000_000);
    expect(first.sha1).toBe(sha1('first version'));
    expect(first.metadata.modified).toBe('Sun, 13 Sep 2020 12:26:40 +0000');
    const second = await upload('/Contract/up/file.txt', 'second version', undefined, { verifyBeforeReplace: false });
    expect(second.metadata.fileid).toBe(first.metadata.fileid);
    expect(await checksumFile(client, { fileid: first.metadata.fileid })).toMatchObject({ sha1: sha1('second version') });
    // The default replace lands verified bytes under the same path, as a new file.
    const third = await upload('/Contract/up/file.txt', 'third version', 1_600_000_000);
    expect(await checksumFile(client, { path: '/Contract/up/file.txt' })).toMatchObject({
      sha1: sha1('third version'),
      metadata: { fileid: third.metadata.fileid },
    });
    expect(third.metadata.modified).toBe('Sun, 13 Sep 2020 12:26:40 +0000');
    const empty = await upload('/Contract/up/empty', '');
    expect(empty.metadata.size).toBe(0);
  });

  it('lists a folder, also recursively, with exact 64-bit hashes', async () => {
    await mkdirp(client, '/Contract/list/sub');
    await upload('/Contract/list/one.txt', '1');
    await upload('/Contract/list/sub/two.txt', '22');
    const listing = await listFolder(client, { path: '/Contract/list' });
    expect(listing.contents.map((item) => item.name).sort()).toEqual(['one.txt', 'sub']);
    const deep = await listFolder(client, { path: '/Contract/list' }, { recursive: true });
    const sub = deep.contents.find((item) => item.name === 'sub');
    expect(sub?.contents?.map((item) => item.name)).toEqual(['two.txt']);
    for (const item of deep.contents) if (!item.isfolder) expect(typeof item.hash).toBe('bigint');
  });

  it('renames and moves files and folders', async () => {
    await mkdirp(client, '/Contract/mv/target');
    const file = await upload('/Contract/mv/old.txt', 'move me');
    expect(await renameFile(client, { fileid: file.metadata.fileid }, { toname: 'new.txt' })).toMatchObject({ name: 'new.txt' });
    const moved = await renameFile(client, { path: '/Contract/mv/new.txt' }, { topath: '/Contract/mv/target/' });
    expect(moved).toMatchObject({
      fileid: file.metadata.fileid,
      parentfolderid: (await stat(client, { path: '/Contract/mv/target' })).folderid,
    });
    const folder = await mkdirp(client, '/Contract/mv/folder');
    expect(await renameFolder(client, { folderid: folder.metadata.folderid }, { toname: 'renamed' })).toMatchObject({ name: 'renamed' });
  });

  it('copies files and folders on the server', async () => {
    await mkdirp(client, '/Contract/cp/src/inner');
    await upload('/Contract/cp/src/inner/x.txt', 'xx');
    const copy = await copyFile(client, { path: '/Contract/cp/src/inner/x.txt' }, { topath: '/Contract/cp/x-copy.txt' });
    expect(copy).toMatchObject({ name: 'x-copy.txt', size: 2 });
    const target = await mkdirp(client, '/Contract/cp/dst');
    const tree = await copyFolder(client, { path: '/Contract/cp/src' }, { tofolderid: target.metadata.folderid });
    expect(tree.name).toBe('src');
    expect(await stat(client, { path: '/Contract/cp/dst/src/inner/x.txt' })).toMatchObject({ size: 2 });
  });

  it('downloads through getfilelink and the download host, verified', async () => {
    const content = Buffer.alloc(200_000, 'download ');
    const uploaded = await upload('/Contract/down.bin', content);
    const local = join(ctx.dir, 'down.bin');
    await downloadFile(client, { fileid: uploaded.metadata.fileid }, local);
    expect((await readFile(local)).equals(content)).toBe(true);
  });

  it('deletes a file, an empty folder and a whole tree (with counts)', async () => {
    await mkdirp(client, '/Contract/rm/tree/deeper');
    await upload('/Contract/rm/tree/a.txt', 'a');
    await upload('/Contract/rm/tree/deeper/b.txt', 'b');
    const file = await upload('/Contract/rm/single.txt', 's');
    expect(await deleteFile(client, { fileid: file.metadata.fileid })).toMatchObject({ name: 'single.txt' });
    const empty = await mkdirp(client, '/Contract/rm/empty');
    expect(await deleteFolder(client, { folderid: empty.metadata.folderid })).toMatchObject({ name: 'empty' });
    expect(await deleteTree(client, { path: '/Contract/rm/tree' })).toEqual({ deletedfiles: 2, deletedfolders: 2 });
    expect((await listFolder(client, { path: '/Contract/rm' })).contents).toEqual([]);
  });
});
