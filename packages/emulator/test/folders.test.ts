import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Emulator } from '../src/index.js';
import { api, ok, startEmulator } from './support/emulator-fixture.js';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());

describe('createfolder / createfolderifnotexists', () => {
  test('creates by path and by folderid+name with d-ids and pCloud dates', async () => {
    const a = await ok(emu, 'createfolder', { path: '/Create A' });
    expect(a.metadata).toMatchObject({ name: 'Create A', isfolder: true, parentfolderid: 0, path: '/Create A', icon: 'folder' });
    expect(a.metadata.id).toBe(`d${a.metadata.folderid}`);
    expect(a.metadata.created).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
    const b = await ok(emu, 'createfolder', { folderid: a.metadata.folderid, name: 'inner' });
    expect(b.metadata).toMatchObject({ name: 'inner', parentfolderid: a.metadata.folderid, path: '/Create A/inner' });
  });

  test('refuses duplicates (2004), missing parents (2002), bad names (2001), missing params (1001)', async () => {
    await ok(emu, 'createfolder', { path: '/Dup' });
    expect((await api(emu, 'createfolder', { path: '/Dup' })).body).toEqual({ result: 2004, error: 'File or folder alredy exists.' });
    expect((await api(emu, 'createfolder', { path: '/No/Such/Parent' })).body.result).toBe(2002);
    expect((await api(emu, 'createfolder', { folderid: 0, name: 'a\\b' })).body).toEqual({
      result: 2001,
      error: 'Invalid file/folder name.',
    });
    expect((await api(emu, 'createfolder', { folderid: 0, name: 'x'.repeat(1024) })).body.result).toBe(2001);
    expect((await api(emu, 'createfolder', { folderid: 0, name: 'é'.repeat(512) })).body.result).toBe(2001);
    expect((await ok(emu, 'createfolder', { folderid: 0, name: 'é'.repeat(511) })).metadata.name).toHaveLength(511);
    expect((await api(emu, 'createfolder', {})).body).toEqual({ result: 1001, error: 'No full path or name/folderid provided.' });
    expect((await api(emu, 'createfolder', { folderid: 987654, name: 'x' })).body.result).toBe(2005);
  });

  test('createfolderifnotexists reports whether it created', async () => {
    const first = await ok(emu, 'createfolderifnotexists', { folderid: 0, name: 'Maybe' });
    const second = await ok(emu, 'createfolderifnotexists', { folderid: 0, name: 'Maybe' });
    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(second.metadata.folderid).toBe(first.metadata.folderid);
  });
});

describe('listfolder', () => {
  test('lists the root with its folder shape and children with paths', async () => {
    await ok(emu, 'createfolder', { path: '/List' });
    await emu.seedFile('/List/one.txt', 'one');
    await ok(emu, 'createfolder', { path: '/List/sub' });
    await emu.seedFile('/List/sub/two.mp3', 'two');
    const root = await ok(emu, 'listfolder', { folderid: 0 });
    expect(root.metadata).toMatchObject({ id: 'd0', folderid: 0, name: '/', path: '/', isfolder: true });
    expect(root.metadata.parentfolderid).toBeUndefined();
    const list = await ok(emu, 'listfolder', { path: '/List' });
    expect(list.metadata.contents.map((c: { name: string }) => c.name)).toEqual(['sub', 'one.txt']);
    expect(list.metadata.contents[1]).toMatchObject({ path: '/List/one.txt', size: 3, contenttype: 'text/plain', isfolder: false });
  });

  test('recursive gives nested contents without paths; nofiles drops files; recursive=0 is off', async () => {
    const rec = await ok(emu, 'listfolder', { path: '/List', recursive: 1 });
    const sub = rec.metadata.contents[0];
    expect(sub.contents.map((c: { name: string }) => c.name)).toEqual(['two.mp3']);
    expect(sub.contents[0].path).toBeUndefined();
    expect(sub.contents[0]).toMatchObject({ category: 3, icon: 'audio', contenttype: 'audio/mpeg' });
    const noFiles = await ok(emu, 'listfolder', { path: '/List', recursive: 1, nofiles: 1 });
    expect(noFiles.metadata.contents).toHaveLength(1);
    expect(noFiles.metadata.contents[0].contents).toEqual([]);
    const flat = await ok(emu, 'listfolder', { path: '/List', recursive: 0, nofiles: 0 });
    expect(flat.metadata.contents[0].contents).toBeUndefined();
  });

  test('recursive listing of the root answers 1101 (pCloud 2026) until switched off', async () => {
    expect((await api(emu, 'listfolder', { folderid: 0, recursive: 1 })).body.result).toBe(1101);
    emu.faults.set({ rootRecursive1101: false });
    try {
      expect((await ok(emu, 'listfolder', { folderid: 0, recursive: 1 })).metadata.contents.length).toBeGreaterThan(0);
    } finally {
      emu.faults.set({});
    }
  });

  test('missing folders answer 2005, missing parameters 1002', async () => {
    expect((await api(emu, 'listfolder', { path: '/nope' })).body).toEqual({ result: 2005, error: 'Directory does not exist.' });
    expect((await api(emu, 'listfolder', { folderid: 424242 })).body.result).toBe(2005);
    expect((await api(emu, 'listfolder', {})).body.result).toBe(1002);
  });

  test('showdeleted includes trashed items marked isdeleted', async () => {
    await ok(emu, 'createfolder', { path: '/Trashy' });
    const id = await emu.seedFile('/Trashy/gone.txt', 'x');
    await ok(emu, 'deletefile', { fileid: id });
    expect((await ok(emu, 'listfolder', { path: '/Trashy' })).metadata.contents).toEqual([]);
    const shown = await ok(emu, 'listfolder', { path: '/Trashy', showdeleted: 1 });
    expect(shown.metadata.contents).toEqual([expect.objectContaining({ fileid: id, isdeleted: true })]);
  });
});

describe('deletefolder / deletefolderrecursive', () => {
  test('deletefolder removes only empty folders and never the root', async () => {
    await ok(emu, 'createfolder', { path: '/Del' });
    await ok(emu, 'createfolder', { path: '/Del/full' });
    await emu.seedFile('/Del/full/f.txt', 'f');
    expect((await api(emu, 'deletefolder', { path: '/Del/full' })).body).toEqual({ result: 2006, error: 'Folder is not empty.' });
    expect((await api(emu, 'deletefolder', { folderid: 0 })).body.result).toBe(2007);
    await ok(emu, 'createfolder', { path: '/Del/empty' });
    const gone = await ok(emu, 'deletefolder', { path: '/Del/empty' });
    expect(gone.metadata).toMatchObject({ name: 'empty', isdeleted: true });
    expect((await api(emu, 'listfolder', { path: '/Del/empty' })).body.result).toBe(2005);
  });

  test('deletefolderrecursive counts files and folders including itself', async () => {
    await ok(emu, 'createfolder', { path: '/Rec' });
    await ok(emu, 'createfolder', { path: '/Rec/a' });
    await ok(emu, 'createfolder', { path: '/Rec/a/b' });
    await emu.seedFile('/Rec/1.txt', '1');
    await emu.seedFile('/Rec/a/b/2.txt', '2');
    expect(await ok(emu, 'deletefolderrecursive', { path: '/Rec' })).toEqual({ result: 0, deletedfiles: 2, deletedfolders: 3 });
    await ok(emu, 'createfolder', { path: '/RecEmpty' });
    expect(await ok(emu, 'deletefolderrecursive', { path: '/RecEmpty' })).toEqual({ result: 0, deletedfiles: 0, deletedfolders: 1 });
    expect((await api(emu, 'deletefolderrecursive', { folderid: 0 })).body.result).toBe(2007);
  });
});
