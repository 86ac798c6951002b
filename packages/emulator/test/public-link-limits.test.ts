import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { Emulator, EmulatorOptions } from '../src/index.js';
import { api, ok, startEmulator } from './support/emulator-fixture.js';

const running: Emulator[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function start(options: EmulatorOptions = {}): Promise<Emulator> {
  const emu = await startEmulator(options);
  running.push(emu);
  return emu;
}

const anonymous = { token: null } as const;
const content = Buffer.alloc(1000, 7);

async function entryOf(emu: Emulator, linkid: number): Promise<Record<string, any>> {
  return (await ok(emu, 'listpublinks')).publinks.find((l: { linkid: number }) => l.linkid === linkid);
}

describe('expiry', () => {
  test('a link stops serving when its expiry passes, stays listed with it, and asking again makes a new link', async () => {
    let now = 1_900_000_000;
    const emu = await start({ clock: () => now });
    const fileid = await emu.seedFile('/E/x.txt', 'x');
    const first = await ok(emu, 'getfilepublink', { fileid, expire: 'Sun, 17 Mar 2030 17:47:00 +0000' });
    expect((await api(emu, 'showpublink', { code: first.code }, anonymous)).body.result).toBe(0);
    now = Date.parse('2030-03-17T17:47:00Z') / 1000;
    expect((await api(emu, 'showpublink', { code: first.code }, anonymous)).body).toEqual({
      result: 7004,
      error: 'This link has expired.',
    });
    expect((await api(emu, 'getpublinkdownload', { code: first.code }, anonymous)).body.result).toBe(7004);
    const expiredPage = await fetch(first.link);
    expect(expiredPage.status).toBe(410);
    expect(await expiredPage.text()).toContain('This link has expired.');
    expect(await entryOf(emu, first.linkid)).toMatchObject({ expires: 'Sun, 17 Mar 2030 17:47:00 +0000' });

    const second = await ok(emu, 'getfilepublink', { fileid });
    expect(second.linkid).not.toBe(first.linkid);
    expect((await api(emu, 'showpublink', { code: second.code }, anonymous)).body.result).toBe(0);
    await ok(emu, 'changepublink', { linkid: first.linkid, deleteexpire: 1 });
    expect((await api(emu, 'showpublink', { code: first.code }, anonymous)).body.result).toBe(0);
  });
});

describe('download and traffic limits', () => {
  test('maxdownloads counts handed-out downloads (page redirects included) and then answers 7006', async () => {
    const emu = await start();
    const fileid = await emu.seedFile('/M/m.bin', content);
    const { linkid, code, link } = await ok(emu, 'getfilepublink', { fileid, maxdownloads: 2 });
    expect((await api(emu, 'getpublinkdownload', { code }, anonymous)).body.result).toBe(0);
    const viaPage = await fetch(`${emu.apiUrl}/publink/download?code=${code}`);
    expect(Buffer.from(await viaPage.arrayBuffer()).equals(content)).toBe(true);
    expect((await api(emu, 'getpublinkdownload', { code }, anonymous)).body).toEqual({
      result: 7006,
      error: 'This link has reached maximum downloads.',
    });
    expect((await fetch(link)).status).toBe(410);
    expect(await entryOf(emu, linkid)).toMatchObject({ downloads: 2, maxdownloads: 2 });
    await ok(emu, 'changepublink', { linkid, maxdownloads: 3 });
    expect((await api(emu, 'getpublinkdownload', { code }, anonymous)).body.result).toBe(0);
  });

  test('a folder link counts downloads of any of its files together', async () => {
    const emu = await start();
    const a = await emu.seedFile('/F/a.txt', 'a');
    const b = await emu.seedFile('/F/b.txt', 'b');
    const { code } = await ok(emu, 'getfolderpublink', { path: '/F', maxdownloads: 2 });
    expect((await api(emu, 'getpublinkdownload', { code, fileid: a }, anonymous)).body.result).toBe(0);
    expect((await api(emu, 'getpublinkdownload', { code, fileid: b }, anonymous)).body.result).toBe(0);
    expect((await api(emu, 'getpublinkdownload', { code, fileid: a }, anonymous)).body.result).toBe(7006);
  });

  test('maxtraffic: a started download is not cut, the bytes sent count, then 7005', async () => {
    const emu = await start();
    const fileid = await emu.seedFile('/T/t.bin', content);
    const { linkid, code } = await ok(emu, 'getfilepublink', { fileid, maxtraffic: 10 });
    const answer = (await api(emu, 'getpublinkdownload', { code }, anonymous)).body;
    const response = await fetch(`http://${answer.hosts[0]}${answer.path}`);
    expect((await response.arrayBuffer()).byteLength).toBe(1000);
    expect(await entryOf(emu, linkid)).toMatchObject({ traffic: 1000, maxtraffic: 10 });
    expect((await api(emu, 'getpublinkdownload', { code }, anonymous)).body).toEqual({
      result: 7005,
      error: 'This link has reached its traffic limit.',
    });
    expect((await api(emu, 'showpublink', { code }, anonymous)).body.result).toBe(7005);
  });

  test('a download failing on a bad content type counts nothing', async () => {
    const emu = await start();
    const fileid = await emu.seedFile('/C/c.txt', 'c');
    const { linkid, code } = await ok(emu, 'getfilepublink', { fileid, maxdownloads: 1 });
    expect((await api(emu, 'getpublinkdownload', { code, contenttype: 'not a type' }, anonymous)).body.result).toBe(1005);
    expect(await entryOf(emu, linkid)).toMatchObject({ downloads: 0 });
  });
});

describe('bounds', () => {
  test('an account holds a bounded number of links; deleted and spent ones make room, live ones are never dropped', async () => {
    let now = 1_900_000_000;
    const emu = await start({ publicLinks: { perAccount: 3 }, clock: () => now });
    const ids = await Promise.all(['1', '2', '3', '4', '5'].map((n) => emu.seedFile(`/B/${n}.txt`, n)));
    const made = [];
    for (const fileid of ids.slice(0, 3)) made.push(await ok(emu, 'getfilepublink', { fileid, expire: now + 60 }));
    expect((await api(emu, 'getfilepublink', { fileid: ids[3]! })).body).toEqual({
      result: 2003,
      error: 'Too many public links: this account holds 3. Delete some first.',
    });
    await ok(emu, 'deletepublink', { linkid: made[0]!.linkid });
    await ok(emu, 'getfilepublink', { fileid: ids[3]! });
    expect((await api(emu, 'showpublink', { code: made[0]!.code }, anonymous)).body.result).toBe(7001);
    now += 120;
    await ok(emu, 'getfilepublink', { fileid: ids[4]! });
    const listed = (await ok(emu, 'listpublinks')).publinks.map((l: { linkid: number }) => l.linkid);
    expect(listed).toHaveLength(3);
    expect(listed).not.toContain(made[1]!.linkid);
    expect(listed).toContain(made[2]!.linkid);
  });
});

describe('data dir', () => {
  test('links, their counters and deleted codes survive a restart; the link then points at the new port', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pcloud-publinks-'));
    dirs.push(dataDir);
    const first = await start({ dataDir });
    const fileid = await first.seedFile('/P/kept.bin', content);
    const kept = await ok(first, 'getfilepublink', { fileid, maxdownloads: 5, expire: '2099-12-31' });
    await api(first, 'getpublinkdownload', { code: kept.code }, anonymous);
    const gone = await ok(first, 'getfolderpublink', { path: '/P' });
    await ok(first, 'deletepublink', { linkid: gone.linkid });
    await first.close();
    running.length = 0;

    const second = await start({ dataDir });
    const entry = await entryOf(second, kept.linkid);
    expect(entry).toMatchObject({ code: kept.code, downloads: 1, maxdownloads: 5, expires: 'Thu, 31 Dec 2099 00:00:00 +0000' });
    expect(entry.link).toBe(`${second.apiUrl}/publink/show?code=${kept.code}`);
    const bytes = await fetch(`${second.apiUrl}/publink/download?code=${kept.code}`);
    expect(Buffer.from(await bytes.arrayBuffer()).equals(content)).toBe(true);
    expect((await api(second, 'showpublink', { code: gone.code }, anonymous)).body.result).toBe(7002);
    expect((await ok(second, 'getfilepublink', { fileid })).linkid).toBe(kept.linkid);
    expect((await ok(second, 'getfolderpublink', { path: '/P' })).linkid).toBeGreaterThan(gone.linkid);
  });
});
