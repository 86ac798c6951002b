/**
 * Resumable upload sessions are bounded and durable: they expire after a day unused, an account
 * keeps at most a hundred, a write cannot reach past the account's free quota, and with a data
 * dir a session (and every download link) survives a restart.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { Emulator, EmulatorOptions } from '../src/index.js';
import { api, ok, startEmulator } from './support/emulator-fixture.js';

const DAY = 86_400;
const running: Emulator[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((emu) => emu.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** An emulator whose clock the test moves. */
async function start(options: EmulatorOptions = {}, clock = { now: 1_800_000_000 }): Promise<{ emu: Emulator; clock: { now: number } }> {
  const emu = await startEmulator({ ...options, clock: () => clock.now });
  running.push(emu);
  return { emu, clock };
}

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'emulator-sessions-'));
  dirs.push(dir);
  return dir;
}

async function write(emu: Emulator, uploadid: number, uploadoffset: number, body: string | Buffer): Promise<Record<string, any>> {
  const response = await fetch(`${emu.apiUrl}/upload_write?uploadid=${uploadid}&uploadoffset=${uploadoffset}`, {
    method: 'PUT',
    body,
    headers: { Authorization: `Bearer ${emu.token}` },
  });
  return JSON.parse(await response.text()) as Record<string, any>;
}

const create = async (emu: Emulator): Promise<number> => (await ok(emu, 'upload_create')).uploadid as number;
const sha1 = (text: string): string => createHash('sha1').update(text).digest('hex');

describe('upload session lifetime', () => {
  test('a session unused for a day expires (2067) and its bytes are deleted; using it keeps it alive', async () => {
    const dir = dataDir();
    const { emu, clock } = await start({ dataDir: dir });
    const kept = await create(emu);
    const dropped = await create(emu);
    expect((await write(emu, kept, 0, 'kept')).result).toBe(0);
    expect((await write(emu, dropped, 0, 'dropped')).result).toBe(0);
    clock.now += DAY - 1;
    expect((await ok(emu, 'upload_info', { uploadid: kept })).size).toBe(4);
    clock.now += 1;
    expect((await api(emu, 'upload_info', { uploadid: dropped })).body.result).toBe(2067);
    expect((await ok(emu, 'upload_info', { uploadid: kept })).sha1).toBe(sha1('kept'));
    expect(readdirSync(join(dir, 'uploads'))).toHaveLength(1);
  });

  test('an account keeps at most 100 sessions: the least recently used gives way, and its file goes', async () => {
    const dir = dataDir();
    const { emu, clock } = await start({ dataDir: dir });
    const first = await create(emu);
    clock.now += 1;
    const second = await create(emu);
    for (let i = 0; i < 98; i++) await create(emu);
    clock.now += 1;
    expect((await write(emu, second, 0, 'still here')).result).toBe(0);
    for (let i = 0; i < 20; i++) await create(emu);
    expect((await api(emu, 'upload_info', { uploadid: first })).body.result).toBe(2067);
    expect((await ok(emu, 'upload_info', { uploadid: second })).size).toBe(10);
    expect(emu.state.uploads.count(emu.seeded.userid)).toBe(100);
    expect(readdirSync(join(dir, 'uploads'))).toHaveLength(100);
  });

  test('a write may not reach past the free quota (2008); within it, a gap is zero-filled', async () => {
    const { emu } = await start();
    const uploadid = await create(emu);
    const quota = (await ok(emu, 'userinfo')).quota as number;
    expect((await write(emu, uploadid, quota + 1, 'x')).result).toBe(2008);
    expect((await write(emu, uploadid, quota - 2, 'xyz')).result).toBe(2008);
    expect((await ok(emu, 'upload_info', { uploadid })).size).toBe(0);
    expect((await write(emu, uploadid, 5, 'abc')).result).toBe(0);
    expect(await ok(emu, 'upload_info', { uploadid })).toMatchObject({
      size: 8,
      sha1: createHash('sha1').update(Buffer.from('\0\0\0\0\0abc', 'latin1')).digest('hex'),
    });
  });
});

describe('restart with a data dir', () => {
  test('a resumable upload resumes after a restart as after a dropped connection', async () => {
    const dir = dataDir();
    const clock = { now: 1_800_000_000 };
    const first = (await start({ dataDir: dir }, clock)).emu;
    const uploadid = await create(first);
    expect((await write(first, uploadid, 0, 'first half, ')).result).toBe(0);
    await first.close();
    running.length = 0;

    const second = (await start({ dataDir: dir }, clock)).emu;
    const info = await ok(second, 'upload_info', { uploadid });
    expect(info).toMatchObject({ size: 12, sha1: sha1('first half, ') });
    expect((await write(second, uploadid, info.size, 'second half')).result).toBe(0);
    const saved = await ok(second, 'upload_save', { uploadid, folderid: 0, name: 'resumed.txt' });
    expect(saved.metadata).toMatchObject({ name: 'resumed.txt', size: 23 });
    const link = await ok(second, 'getfilelink', { fileid: saved.metadata.fileid });
    expect(await (await fetch(`http://${link.hosts[0]}${link.path}`)).text()).toBe('first half, second half');
    expect((await ok(second, 'checksumfile', { fileid: saved.metadata.fileid })).sha1).toBe(sha1('first half, second half'));
    expect((await api(second, 'upload_info', { uploadid })).body.result).toBe(2067);
    expect(readdirSync(join(dir, 'uploads'))).toEqual([]);
  });

  test('a session that expired while the emulator was down is gone after the restart, its file too', async () => {
    const dir = dataDir();
    const clock = { now: 1_800_000_000 };
    const first = (await start({ dataDir: dir }, clock)).emu;
    const uploadid = await create(first);
    await write(first, uploadid, 0, 'abandoned');
    await first.close();
    running.length = 0;
    clock.now += DAY;
    const second = (await start({ dataDir: dir }, clock)).emu;
    expect((await api(second, 'upload_info', { uploadid })).body.result).toBe(2067);
    expect(readdirSync(join(dir, 'uploads'))).toEqual([]);
    expect(await create(second)).toBeGreaterThan(uploadid);
  });

  test('download links stay valid across a restart for their lifetime', async () => {
    const dir = dataDir();
    const clock = { now: 1_800_000_000 };
    const first = (await start({ dataDir: dir }, clock)).emu;
    const fileid = await first.seedFile('/linked.txt', 'linked content');
    const link = await ok(first, 'getfilelink', { fileid });
    await first.close();
    running.length = 0;
    await start({ dataDir: dir, downloadPort: Number(link.hosts[0].split(':')[1]) }, clock);
    expect(await (await fetch(`http://${link.hosts[0]}${link.path}`)).text()).toBe('linked content');
  });
});

describe('download links', () => {
  test('expired links answer 401 for an hour, then are pruned as new links are made', async () => {
    const { emu, clock } = await start();
    const fileid = await emu.seedFile('/pruned.txt', 'x');
    const old = await ok(emu, 'getfilelink', { fileid });
    for (let i = 0; i < 50; i++) await ok(emu, 'getfilelink', { fileid });
    clock.now += 6 * 3600;
    expect((await fetch(`http://${old.hosts[0]}${old.path}`)).status).toBe(401);
    clock.now += 3600 + 1;
    await ok(emu, 'getfilelink', { fileid });
    expect((await fetch(`http://${old.hosts[0]}${old.path}`)).status).toBe(404);
    expect(emu.state.links.size).toBe(1);
  });
});
