import { afterEach, describe, expect, test } from 'vitest';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Emulator } from '../src/index.js';
import { api, ok, startEmulator } from './support/emulator-fixture.js';

const dirs: string[] = [];
const running: Emulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function start(dataDir: string): Promise<Emulator> {
  const emu = await startEmulator({ dataDir });
  running.push(emu);
  return emu;
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pcloud-emu-'));
  dirs.push(dir);
  return dir;
}

describe('data dir', () => {
  test('tree, content, ids and the seeded token survive a restart', async () => {
    const dataDir = tempDir();
    const first = await start(dataDir);
    const folder = await ok(first, 'createfolder', { path: '/Kept' });
    const put = await fetch(`${first.apiUrl}/uploadfile?path=/Kept&filename=k.txt&mtime=1627121472`, {
      method: 'PUT',
      body: 'kept content',
      headers: { Authorization: `Bearer ${first.token}` },
    });
    const uploaded = JSON.parse(await put.text());
    await ok(first, 'createfolder', { path: '/Gone' });
    await ok(first, 'deletefolder', { path: '/Gone' });
    await first.close();
    running.length = 0;

    const second = await start(dataDir);
    expect(second.token).toBe(first.token);
    const listing = await ok(second, 'listfolder', { folderid: folder.metadata.folderid });
    expect(listing.metadata.contents).toEqual([
      expect.objectContaining({ fileid: uploaded.fileids[0], name: 'k.txt', size: 12, modified: 'Sat, 24 Jul 2021 10:11:12 +0000' }),
    ]);
    expect((await api(second, 'stat', { path: '/Gone' })).body.result).toBe(2055);
    const link = await ok(second, 'getfilelink', { fileid: uploaded.fileids[0] });
    expect(await (await fetch(`http://${link.hosts[0]}${link.path}`)).text()).toBe('kept content');
    const next = await ok(second, 'createfolder', { path: '/New' });
    expect(next.metadata.folderid).toBeGreaterThan(folder.metadata.folderid);
    expect((await ok(second, 'checksumfile', { fileid: uploaded.fileids[0] })).sha1).toBe(uploaded.checksums[0].sha1);
  });

  test('names never become paths in the data dir', async () => {
    const dataDir = tempDir();
    const emu = await start(dataDir);
    for (const filename of ['../../escape.txt', '..', '/etc/passwd', 'a\\..\\b']) {
      const response = await fetch(`${emu.apiUrl}/uploadfile?folderid=0&filename=${encodeURIComponent(filename)}`, {
        method: 'PUT',
        body: 'x',
        headers: { Authorization: `Bearer ${emu.token}` },
      });
      expect(JSON.parse(await response.text()).result).toBe(2001);
    }
    await emu.seedFile('/..safe name.txt', 'y');
    expect(readdirSync(dataDir).sort()).toEqual(['blobs', 'state.json', 'tmp', 'uploads']);
    expect(readdirSync(join(dataDir, 'blobs')).every((name) => /^[0-9a-f]{24}$/.test(name))).toBe(true);
    expect(readdirSync(join(tmpdir())).includes('escape.txt')).toBe(false);
  });

  test('state.json is written 0600 in a 0700 data dir, even where both were wider before', async () => {
    const dataDir = join(tempDir(), 'data');
    mkdirSync(dataDir, { mode: 0o755 });
    chmodSync(dataDir, 0o755);
    writeFileSync(join(dataDir, 'state.json.tmp'), 'leftover', { mode: 0o644 });
    const emu = await start(dataDir);
    await ok(emu, 'createfolder', { path: '/Private' });
    await emu.close();
    running.length = 0;
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dataDir, 'state.json')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dataDir, 'state.json'), 'utf8')).toContain('Private');
  });

  test('an unparseable or foreign state.json refuses to start and is left untouched', async () => {
    for (const content of ['{"version":1,"trees":', '[1,2,3]', 'null']) {
      const dataDir = tempDir();
      writeFileSync(join(dataDir, 'state.json'), content);
      mkdirSync(join(dataDir, 'blobs'));
      writeFileSync(join(dataDir, 'blobs', '0123456789abcdef01234567'), 'stored content');
      await expect(startEmulator({ dataDir })).rejects.toThrow(
        /^.*state\.json is not (valid JSON|an emulator state).*refusing to start[^\n]*$/,
      );
      expect(readFileSync(join(dataDir, 'state.json'), 'utf8')).toBe(content);
      expect(readdirSync(join(dataDir, 'blobs'))).toEqual(['0123456789abcdef01234567']);
    }
  });
});
