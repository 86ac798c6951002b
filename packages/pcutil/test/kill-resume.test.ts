import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { walkTree, type FolderMetadata } from '@pcloud/core';
import { isPartialFileName } from '@pcloud/core/internal';
import { useEmulator } from './support/emulator.js';
import { spawnPcutil, type SpawnedPcutil } from './support/spawn-pcutil.js';

const FILES = 200;
const fx = useEmulator();
const sha1 = (data: Buffer): string => createHash('sha1').update(data).digest('hex');

/** Every file below a local folder (relative path → sha1), and the download temporary files among them. */
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

/** Every file below a remote folder, relative path → fileid. */
function remoteFiles(folder: FolderMetadata, prefix = '', into = new Map<string, number>()): Map<string, number> {
  for (const item of folder.contents ?? []) {
    if (item.isfolder) remoteFiles(item, `${prefix}${item.name}/`, into);
    else into.set(`${prefix}${item.name}`, item.fileid);
  }
  return into;
}

/** Waits until `ready()` holds (checked every 10 ms), then sends `signal`; fails when the process ended first. */
async function killWhen(run: SpawnedPcutil, ready: () => Promise<boolean>, signal: NodeJS.Signals): Promise<void> {
  let ended = false;
  void run.exited.then(() => (ended = true));
  while (!ended && !(await ready())) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(ended, 'pcutil finished before it could be interrupted').toBe(false);
  run.child.kill(signal);
}

/** A local tree of small files of random content. */
async function makeTree(root: string): Promise<Map<string, string>> {
  for (let i = 0; i < FILES; i++) {
    const dir = join(root, `d${i % 5}`);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, `f${i}.bin`), randomBytes(1024 + ((i * 4099) % (7 * 1024))));
  }
  return (await localFiles(root)).files;
}

// Latency stretches each transfer so that a signal lands while copies are in flight.
describe('killing pcutil mid-copy', { timeout: 90_000 }, () => {
  it('up: SIGINT (code 130) and SIGKILL mid-upload leave only whole files on the server; running again completes the job', async () => {
    const root = await mkdtemp(join(tmpdir(), 'pcutil-kill-up-'));
    const source = await makeTree(join(root, 'tree'));
    // A trailing / copies the folder's contents: the same command lands in the same place every time.
    // New small files go up in batches: one at a time, so that a signal lands between batches.
    const args = ['cp', '-r', '-v', '-j', '1', `${join(root, 'tree')}/`, 'p:/kill-up'];
    const remoteNow = async (): Promise<Map<string, number>> =>
      remoteFiles((await walkTree(fx.client, { path: '/kill-up' }).catch(() => ({ root: {} as FolderMetadata }))).root);
    // Whatever is on the server under a source's name is that file, whole: nopartial uploads never leave a short one.
    // A replacement killed between its upload and its move leaves its hidden temporary file beside
    // the old one, which the next run sweeps (the last check below: nothing but the source's names).
    const expectWhole = async (remote: Map<string, number>): Promise<void> => {
      for (const [path, fileid] of remote) {
        if (isPartialFileName(path.split('/').pop() ?? '')) continue;
        expect(source.has(path), path).toBe(true);
        expect((await fx.client.call('checksumfile', { fileid })).sha1, path).toBe(source.get(path));
      }
    };
    fx.emulator.faults.set({ rules: [{ methods: ['uploadfile'], latencyMs: 60 }] });
    try {
      const interrupted = await spawnPcutil(fx.emulator, args);
      await killWhen(interrupted, async () => /^cp .* p:\/kill-up\//m.test(interrupted.stderr()), 'SIGINT');
      const first = await interrupted.exited;
      expect(first.code).toBe(130);
      const afterInterrupt = await remoteNow();
      expect(afterInterrupt.size).toBeGreaterThan(0);
      expect(afterInterrupt.size).toBeLessThan(FILES);
      await expectWhole(afterInterrupt);

      const killed = await spawnPcutil(fx.emulator, args);
      await killWhen(killed, async () => (killed.stderr().match(/^cp /gm) ?? []).length >= 5, 'SIGKILL');
      expect((await killed.exited).signal).toBe('SIGKILL');
      await expectWhole(await remoteNow());
    } finally {
      fx.emulator.faults.set({});
    }
    const again = await (await spawnPcutil(fx.emulator, args)).exited;
    expect(again.code, again.stderr.slice(-1000)).toBe(0);
    const remote = await remoteNow();
    expect([...remote.keys()].sort()).toEqual([...source.keys()].sort());
    await expectWhole(remote);
  });

  it('down: SIGINT leaves no partial local file, SIGKILL on a second run neither once the command runs again, which completes the job', async () => {
    const root = await mkdtemp(join(tmpdir(), 'pcutil-kill-down-'));
    const source = await makeTree(join(root, 'tree'));
    const up = await (await spawnPcutil(fx.emulator, ['cp', '-r', `${join(root, 'tree')}/`, 'p:/kill-down'])).exited;
    expect(up.code, up.stderr).toBe(0);
    const dest = join(root, 'back');
    const args = ['cp', '-r', '-v', 'p:/kill-down/', dest];
    const numbers: Record<string, number> = {};
    fx.emulator.faults.set({ rules: [{ methods: ['download'], latencyMs: 60 }] });
    try {
      const interrupted = await spawnPcutil(fx.emulator, args);
      await killWhen(interrupted, async () => (await localFiles(dest)).files.size >= 10, 'SIGINT');
      expect((await interrupted.exited).code).toBe(130);
      const afterInterrupt = await localFiles(dest);
      expect(afterInterrupt.partial).toEqual([]);
      expect(afterInterrupt.files.size).toBeLessThan(FILES);
      for (const [path, digest] of afterInterrupt.files) expect(digest, path).toBe(source.get(path));
      numbers.afterSigint = afterInterrupt.files.size;

      const killed = await spawnPcutil(fx.emulator, args);
      await killWhen(killed, async () => (await localFiles(dest)).partial.length >= 2, 'SIGKILL');
      expect((await killed.exited).signal).toBe('SIGKILL');
      const afterKill = await localFiles(dest);
      // Nothing can clean up after SIGKILL: only hidden temporary files remain, never a short file under a real name.
      for (const [path, digest] of afterKill.files) expect(digest, path).toBe(source.get(path));
      numbers.leftAfterSigkill = afterKill.partial.length;
    } finally {
      fx.emulator.faults.set({});
    }
    const again = await (await spawnPcutil(fx.emulator, args)).exited;
    expect(again.code, again.stderr.slice(-1000)).toBe(0);
    expect(again.stderr).toContain(`removed ${numbers.leftAfterSigkill} temporary file(s) an interrupted earlier copy left`);
    const final = await localFiles(dest);
    expect(final.partial).toEqual([]);
    expect(final.files).toEqual(source);
    console.log(`kill and resume, down: ${JSON.stringify(numbers)}`);
  });
});
