/**
 * pCloud going away in the middle of a run, over real sockets: the emulator is stopped while the
 * real bin copies or removes, and started again on the same ports and data dir. The wait before
 * pcutil gives up is shortened through PCLOUD_OUTAGE_WAIT; nothing here is timed.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { walkTree, type FolderMetadata, type PCloudClient } from '@pcloud/core';
import { isPartialFileName } from '@pcloud/core/internal';
import { startRestartable, type RestartableEmulator } from './support/restartable-emulator.js';
import { spawnPcutil, type SpawnedPcutil } from './support/spawn-pcutil.js';

const FILES = 300;
const sha1 = (data: Buffer): string => createHash('sha1').update(data).digest('hex');
const servers: RestartableEmulator[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function server(): Promise<RestartableEmulator> {
  const started = await startRestartable();
  servers.push(started);
  return started;
}

/** A local tree of small files of random content: relative path → sha1. */
async function makeTree(root: string, count: number): Promise<Map<string, string>> {
  for (let i = 0; i < count; i++) {
    await mkdir(join(root, `d${i % 5}`), { recursive: true });
    await writeFile(join(root, `d${i % 5}`, `f${i}.bin`), randomBytes(512 + ((i * 4099) % 4096)));
  }
  return (await localFiles(root)).files;
}

/** Every local file (relative path → sha1) and every download temporary file below `root`. */
async function localFiles(root: string): Promise<{ files: Map<string, string>; partial: string[] }> {
  const files = new Map<string, string>();
  const partial: string[] = [];
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true }).catch(() => [])) {
    const path = join(entry.parentPath, entry.name);
    if (isPartialFileName(entry.name)) partial.push(relative(root, path));
    else if (entry.isFile()) files.set(relative(root, path), sha1(await readFile(path)));
  }
  return { files, partial };
}

/** Every file below a pCloud folder (relative path → sha1 by checksumfile) and every temporary upload name. */
async function remoteFiles(client: PCloudClient, path: string): Promise<{ files: Map<string, string>; partial: string[] }> {
  const files = new Map<string, string>();
  const partial: string[] = [];
  const walk = async (folder: FolderMetadata, prefix: string): Promise<void> => {
    for (const item of folder.contents ?? []) {
      if (item.isfolder) await walk(item, `${prefix}${item.name}/`);
      else if (isPartialFileName(item.name)) partial.push(`${prefix}${item.name}`);
      else files.set(`${prefix}${item.name}`, (await client.call('checksumfile', { fileid: item.fileid })).sha1);
    }
  };
  const listed = await walkTree(client, { path }).catch(() => undefined);
  if (listed) await walk(listed.root, '');
  return { files, partial };
}

/** Waits until `ready()` holds (checked every 5 ms); fails when pcutil ended first. */
async function until(run: SpawnedPcutil, ready: () => boolean): Promise<void> {
  let ended = false;
  void run.exited.then(() => (ended = true));
  while (!ended && !ready()) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(ended, `pcutil ended first:\n${run.stderr()}`).toBe(false);
}

/** The four lines of a copy that pCloud's going away stopped, and the counts of its summary. */
function expectStopped(stderr: string, port: string): { copied: number; notCopied: number } {
  const at = `\\d\\d:\\d\\d:\\d\\d \\(connection refused by 127\\.0\\.0\\.1:${port}\\)`;
  const lines = stderr.trimEnd().split('\n');
  expect(lines, stderr).toEqual([
    expect.stringMatching(new RegExp(`^pcutil: pCloud unreachable since ${at}; waiting up to 1 s for it to answer again$`)),
    expect.stringMatching(new RegExp(`^pcutil: stopped: pCloud has been unreachable since ${at}$`)),
    expect.stringMatching(/^\d+ file\(s\) copied .*; \d+ not copied; 0 failed\.$/),
    expect.stringMatching(/^hint: run the same command again to copy the rest/),
  ]);
  const [, copied, notCopied] = /^(\d+) file\(s\) copied .*; (\d+) not copied;/m.exec(stderr) ?? [];
  return { copied: Number(copied), notCopied: Number(notCopied) };
}

const GIVE_UP_FAST = { PCLOUD_OUTAGE_WAIT: '1' };
const RIDE_OUT = { PCLOUD_OUTAGE_WAIT: '120' };

describe('pCloud goes away for good in the middle of a copy', { timeout: 90_000 }, () => {
  it(`up, ${FILES} small files: one summary, exit 1, only whole files on pCloud; the same command again completes`, async () => {
    const pcloud = await server();
    const root = await mkdtemp(join(tmpdir(), 'pcutil-outage-up-'));
    const source = await makeTree(join(root, 'tree'), FILES);
    // New small files go up in batches: two at a time, so that most batches are still to come.
    const args = ['cp', '-r', '-j', '2', `${join(root, 'tree')}/`, 'p:/up'];
    pcloud.emulator.faults.set({ rules: [{ methods: ['uploadfile'], latencyMs: 20 }] });
    const run = await spawnPcutil(pcloud.emulator, args, GIVE_UP_FAST);
    await until(run, () => pcloud.emulator.faults.tally.delayed >= 2);
    await pcloud.stop();
    const stopped = await run.exited;
    expect(stopped.code).toBe(1);
    const { copied, notCopied } = expectStopped(stopped.stderr, new URL(pcloud.emulator.apiUrl).port);
    expect(copied + notCopied).toBe(FILES);
    expect(notCopied).toBeGreaterThan(0);

    await pcloud.start();
    const left = await remoteFiles(pcloud.client(), '/up');
    expect(left.partial).toEqual([]);
    expect(left.files.size).toBeGreaterThanOrEqual(copied);
    for (const [path, digest] of left.files) expect(digest, path).toBe(source.get(path));
    const again = await (await spawnPcutil(pcloud.emulator, args)).exited;
    expect(again.code, again.stderr).toBe(0);
    const done = await remoteFiles(pcloud.client(), '/up');
    expect(done).toEqual({ files: source, partial: [] });
  });

  it(`down, ${FILES} small files: one summary, exit 1, no partial local file; the same command again completes`, async () => {
    const pcloud = await server();
    const source = new Map<string, string>();
    for (let i = 0; i < FILES; i++) {
      const content = randomBytes(512 + ((i * 4099) % 4096));
      await pcloud.emulator.seedFile(`/down/d${i % 5}/f${i}.bin`, content);
      source.set(`d${i % 5}/f${i}.bin`, sha1(content));
    }
    const target = join(await mkdtemp(join(tmpdir(), 'pcutil-outage-down-')), 'back');
    const args = ['cp', '-r', 'p:/down/', target];
    pcloud.emulator.faults.set({ rules: [{ methods: ['download'], latencyMs: 20 }] });
    const run = await spawnPcutil(pcloud.emulator, args, GIVE_UP_FAST);
    await until(run, () => pcloud.emulator.faults.tally.delayed >= 60);
    await pcloud.stop();
    const stopped = await run.exited;
    expect(stopped.code).toBe(1);
    const { copied, notCopied } = expectStopped(stopped.stderr, new URL(pcloud.emulator.apiUrl).port);
    expect(copied + notCopied).toBe(FILES);
    const left = await localFiles(target);
    expect(left.partial).toEqual([]);
    expect(left.files.size).toBe(copied);
    for (const [path, digest] of left.files) expect(digest, path).toBe(source.get(path));

    await pcloud.start();
    const again = await (await spawnPcutil(pcloud.emulator, args)).exited;
    expect(again.code, again.stderr).toBe(0);
    expect(await localFiles(target)).toEqual({ files: source, partial: [] });
  });

  it('up, one big file, stopped while its bytes go up: not copied, nothing left on pCloud; the same command again completes', async () => {
    const pcloud = await server();
    const root = await mkdtemp(join(tmpdir(), 'pcutil-outage-big-up-'));
    const content = randomBytes(24 * 1024 * 1024);
    await writeFile(join(root, 'big.bin'), content);
    const args = ['cp', join(root, 'big.bin'), 'p:/big/big.bin'];
    // The emulator holds the request while the body is on its way, until it stops.
    pcloud.emulator.faults.set({ rules: [{ methods: ['uploadfile'], latencyMs: 60_000 }] });
    const run = await spawnPcutil(pcloud.emulator, args, GIVE_UP_FAST);
    await until(run, () => pcloud.emulator.faults.tally.delayed >= 1);
    await pcloud.stop();
    const stopped = await run.exited;
    expect(stopped.code).toBe(1);
    expect(expectStopped(stopped.stderr, new URL(pcloud.emulator.apiUrl).port)).toEqual({ copied: 0, notCopied: 1 });

    await pcloud.start();
    expect(await remoteFiles(pcloud.client(), '/big')).toEqual({ files: new Map(), partial: [] });
    const again = await (await spawnPcutil(pcloud.emulator, args)).exited;
    expect(again.code, again.stderr).toBe(0);
    expect(await remoteFiles(pcloud.client(), '/big')).toEqual({ files: new Map([['big.bin', sha1(content)]]), partial: [] });
  });

  it('down, one big file, stopped halfway: not copied, no partial file; the same command again completes', async () => {
    const pcloud = await server();
    const content = randomBytes(24 * 1024 * 1024);
    await pcloud.emulator.seedFile('/big/big.bin', content);
    const dir = await mkdtemp(join(tmpdir(), 'pcutil-outage-big-down-'));
    const args = ['cp', 'p:/big/big.bin', dir];
    // Every answer of the content host is cut halfway, so the download is under way when the server stops.
    pcloud.emulator.faults.set({ rules: [{ methods: ['download'], resetResponseEvery: 1 }] });
    const run = await spawnPcutil(pcloud.emulator, args, GIVE_UP_FAST);
    await until(run, () => pcloud.emulator.faults.tally.responseResets >= 1);
    await pcloud.stop();
    const stopped = await run.exited;
    expect(stopped.code).toBe(1);
    expect(expectStopped(stopped.stderr, new URL(pcloud.emulator.apiUrl).port)).toEqual({ copied: 0, notCopied: 1 });
    expect(await readdir(dir)).toEqual([]);

    await pcloud.start();
    const again = await (await spawnPcutil(pcloud.emulator, args)).exited;
    expect(again.code, again.stderr).toBe(0);
    expect(await localFiles(dir)).toEqual({ files: new Map([['big.bin', sha1(content)]]), partial: [] });
  });
});

describe('pCloud goes away and comes back during a copy', { timeout: 90_000 }, () => {
  /** The lines of a run that waited for pCloud, found it again and finished. */
  const expectRiddenOut = (stderr: string): void => {
    expect(stderr.trimEnd().split('\n'), stderr).toEqual([
      expect.stringMatching(
        /^pcutil: pCloud unreachable since \d\d:\d\d:\d\d \(connection refused by 127\.0\.0\.1:\d+\); waiting up to 120 s for it to answer again$/,
      ),
      expect.stringMatching(/^pcutil: pCloud answers again after \d+ s; carrying on$/),
      expect.stringMatching(new RegExp(`^${FILES} file\\(s\\) copied .*; 0 failed\\.$`)),
    ]);
  };

  it(`up, ${FILES} small files: the run waits, carries on and ends with every file once on pCloud`, async () => {
    const pcloud = await server();
    const root = await mkdtemp(join(tmpdir(), 'pcutil-blip-up-'));
    const source = await makeTree(join(root, 'tree'), FILES);
    pcloud.emulator.faults.set({ rules: [{ methods: ['uploadfile'], latencyMs: 20 }] });
    // New small files go up in batches: two at a time, so that most batches are still to come.
    const run = await spawnPcutil(pcloud.emulator, ['cp', '-r', '-j', '2', `${join(root, 'tree')}/`, 'p:/blip-up'], RIDE_OUT);
    await until(run, () => pcloud.emulator.faults.tally.delayed >= 2);
    await pcloud.stop();
    await until(run, () => run.stderr().includes('pCloud unreachable since'));
    await pcloud.start();
    const ended = await run.exited;
    expect(ended.code, ended.stderr).toBe(0);
    expectRiddenOut(ended.stderr);
    expect(await remoteFiles(pcloud.client(), '/blip-up')).toEqual({ files: source, partial: [] });
  });

  it(`down, ${FILES} small files: the run waits, carries on and ends with every file once, whole`, async () => {
    const pcloud = await server();
    const source = new Map<string, string>();
    for (let i = 0; i < FILES; i++) {
      const content = randomBytes(512 + ((i * 4099) % 4096));
      await pcloud.emulator.seedFile(`/blip-down/d${i % 5}/f${i}.bin`, content);
      source.set(`d${i % 5}/f${i}.bin`, sha1(content));
    }
    const target = join(await mkdtemp(join(tmpdir(), 'pcutil-blip-down-')), 'back');
    pcloud.emulator.faults.set({ rules: [{ methods: ['download'], latencyMs: 20 }] });
    const run = await spawnPcutil(pcloud.emulator, ['cp', '-r', 'p:/blip-down/', target], RIDE_OUT);
    await until(run, () => pcloud.emulator.faults.tally.delayed >= 60);
    await pcloud.stop();
    await until(run, () => run.stderr().includes('pCloud unreachable since'));
    await pcloud.start();
    const ended = await run.exited;
    expect(ended.code, ended.stderr).toBe(0);
    expectRiddenOut(ended.stderr);
    expect(await localFiles(target)).toEqual({ files: source, partial: [] });
  });
});

describe('pcutil rm -r when pCloud goes away', { timeout: 60_000 }, () => {
  const NAMES = ['a', 'b', 'c', 'd', 'e', 'f'];
  const seed = async (pcloud: RestartableEmulator): Promise<string[]> => {
    for (const name of NAMES) await pcloud.emulator.seedFile(`/rm/${name}/file.txt`, name);
    return NAMES.map((name) => `p:/rm/${name}`);
  };
  const left = async (pcloud: RestartableEmulator): Promise<string[]> =>
    ((await pcloud.client().call('listfolder', { path: '/rm' })).metadata.contents ?? []).map((item) => item.name).sort();

  it('stops, names the paths it did not remove, exits 1; rm of those again completes', async () => {
    const pcloud = await server();
    const paths = await seed(pcloud);
    pcloud.emulator.faults.set({ rules: [{ methods: ['deletefolderrecursive'], latencyMs: 300 }] });
    const run = await spawnPcutil(pcloud.emulator, ['rm', '-r', ...paths], GIVE_UP_FAST);
    await until(run, () => pcloud.emulator.faults.tally.delayed >= 2);
    await pcloud.stop();
    const stopped = await run.exited;
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toMatch(
      /^pcutil: stopped: pCloud has been unreachable since \d\d:\d\d:\d\d \(connection refused by 127\.0\.0\.1:\d+\)$/m,
    );
    expect(stopped.stderr).toMatch(/^pcutil: 4 path\(s\) not removed: p:\/rm\/c p:\/rm\/d p:\/rm\/e p:\/rm\/f$/m);
    expect(stopped.stderr).toMatch(/^hint: run rm again for them/m);

    await pcloud.start();
    expect(await left(pcloud)).toEqual(expect.arrayContaining(['c', 'd', 'e', 'f']));
    const again = await (await spawnPcutil(pcloud.emulator, ['rm', '-r', 'p:/rm/c', 'p:/rm/d', 'p:/rm/e', 'p:/rm/f'])).exited;
    expect(again.code, again.stderr).toBe(0);
    expect((await left(pcloud)).filter((name) => 'cdef'.includes(name))).toEqual([]);
  });

  it('waits for pCloud to come back and removes every path', async () => {
    const pcloud = await server();
    const paths = await seed(pcloud);
    // The server stops while rm looks the paths up, before it deletes anything.
    pcloud.emulator.faults.set({ rules: [{ methods: ['listfolder'], latencyMs: 100 }] });
    const run = await spawnPcutil(pcloud.emulator, ['rm', '-r', ...paths], RIDE_OUT);
    await until(run, () => pcloud.emulator.faults.tally.delayed >= 3);
    await pcloud.stop();
    await until(run, () => run.stderr().includes('pCloud unreachable since'));
    await pcloud.start();
    const ended = await run.exited;
    expect(ended.code, ended.stderr).toBe(0);
    expect(ended.stderr).toMatch(/^pcutil: pCloud answers again after \d+ s; carrying on$/m);
    expect(ended.stdout).toBe(NAMES.map((name) => `p:/rm/${name}: 1 folder(s), 1 file(s) deleted.\n`).join(''));
    expect(await left(pcloud)).toEqual([]);
  });
});

it('a fault-heavy copy up and down (5000 answers, resets mid-request and mid-response) is never taken for an outage, even with no wait at all', {
  timeout: 90_000,
}, async () => {
  const pcloud = await server();
  const root = await mkdtemp(join(tmpdir(), 'pcutil-outage-faults-'));
  const source = await makeTree(join(root, 'tree'), 200);
  pcloud.emulator.faults.set({
    rules: [
      { methods: ['uploadfile'], failEvery: 5, failResult: 5000 },
      { methods: ['uploadfile'], resetRequestEvery: 7 },
      { methods: ['uploadfile'], resetResponseEvery: 11 },
      { methods: ['checksumfile', 'getfilelink'], failEvery: 6, failResult: 5000 },
      { methods: ['download'], resetResponseEvery: 5 },
      { methods: ['download'], resetRequestEvery: 9 },
      { methods: ['listfolder'], failEvery: 2, failResult: 5000 },
    ],
  });
  const noWait = { PCLOUD_OUTAGE_WAIT: '0' };
  const up = await (await spawnPcutil(pcloud.emulator, ['cp', '-r', '-j', '8', `${join(root, 'tree')}/`, 'p:/faults'], noWait)).exited;
  expect(up.code, up.stderr).toBe(0);
  const down = await (await spawnPcutil(pcloud.emulator, ['cp', '-r', '-j', '8', 'p:/faults/', join(root, 'back')], noWait)).exited;
  expect(down.code, down.stderr).toBe(0);
  expect(pcloud.emulator.faults.injected).toBeGreaterThan(100);
  pcloud.emulator.faults.set({});
  for (const run of [up, down]) expect(run.stderr).not.toMatch(/unreachable|not copied/);
  expect(await remoteFiles(pcloud.client(), '/faults')).toEqual({ files: source, partial: [] });
  expect(await localFiles(join(root, 'back'))).toEqual({ files: source, partial: [] });
});

it('any other command (ls -R) that pCloud leaves for good ends with one line saying since when and why, and a hint', {
  timeout: 60_000,
}, async () => {
  const pcloud = await server();
  for (let i = 0; i < 20; i++) await pcloud.emulator.seedFile(`/ls/d${i % 4}/f${i}.txt`, `${i}`);
  // The root's recursive listing is answered (refused, as pCloud does); the next listing is held until the server stops.
  const { dispatcher } = pcloud.emulator;
  const dispatch = dispatcher.dispatch.bind(dispatcher);
  let listings = 0;
  dispatcher.dispatch = async (request) => {
    if (request.method === 'listfolder' && ++listings > 1)
      await new Promise((resolve) => request.signal?.addEventListener('abort', resolve));
    return dispatch(request);
  };
  const run = await spawnPcutil(pcloud.emulator, ['ls', '-R', 'p:/'], GIVE_UP_FAST);
  await until(run, () => listings >= 2);
  const port = new URL(pcloud.emulator.apiUrl).port;
  await pcloud.stop();
  const ended = await run.exited;
  expect(ended.code).toBe(1);
  expect(ended.stdout).toBe('');
  expect(ended.stderr.trimEnd().split('\n')).toEqual([
    expect.stringMatching(
      new RegExp(
        `^pcutil: pCloud unreachable since \\d\\d:\\d\\d:\\d\\d \\(connection refused by 127\\.0\\.0\\.1:${port}\\); waiting up to 1 s`,
      ),
    ),
    expect.stringMatching(
      new RegExp(
        `^pcutil: stopped: pCloud has been unreachable since \\d\\d:\\d\\d:\\d\\d \\(connection refused by 127\\.0\\.0\\.1:${port}\\)$`,
      ),
    ),
    'hint: run the same command again once pCloud answers',
  ]);
});
