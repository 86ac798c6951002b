import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';
import { walkTree, type FolderMetadata } from '@pcloud/core';
import { isPartialFileName } from '@pcloud/core/internal';
import type { FaultTally } from '@pcloud/emulator';
import { useEmulator } from './support/emulator.js';
import { spawnPcutil } from './support/spawn-pcutil.js';

const FILES = 1000;
// Enough transfers in flight that the retries' back-off (0.3 s and up) overlaps with other work.
const JOBS = 16;
const fx = useEmulator();
const sha1 = (data: Buffer): string => createHash('sha1').update(data).digest('hex');

/** Every file below a local folder (relative path → sha1), and every name that is a download's temporary file. */
async function localFiles(root: string): Promise<{ files: Map<string, string>; partial: string[] }> {
  const files = new Map<string, string>();
  const partial: string[] = [];
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (isPartialFileName(entry.name)) partial.push(path);
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

/** The retries a run's -v lines show: the client's own, the content host's, and calls retried by their caller. */
function countRetries(verbose: string): { client: number; download: number; byCaller: number } {
  const lines = verbose.split('\n');
  return {
    client: lines.filter((line) => / retry \d+\/\d+ in \d+ ms: /.test(line)).length,
    download: lines.filter((line) => line.startsWith('download retry ')).length,
    byCaller: lines.filter((line) => / failed after 1 attempt\(s\) .*(\((5000|4000)\)|connection|socket|reset)/i.test(line)).length,
  };
}

const tallyTotal = (tally: FaultTally): number =>
  Object.values(tally.failures).reduce((sum, n) => sum + n, 0) + tally.requestResets + tally.responseResets;

const tallyDelta = (after: FaultTally, before: FaultTally): FaultTally => ({
  failures: Object.fromEntries(Object.entries(after.failures).map(([code, n]) => [code, n - (before.failures[Number(code)] ?? 0)])),
  requestResets: after.requestResets - before.requestResets,
  responseResets: after.responseResets - before.responseResets,
  delayed: after.delayed - before.delayed,
});

it(`cp -r of ${FILES} files up and down under 5000/4000 answers, latency and resets ends with every file verified and no partial file`, {
  timeout: 120_000,
}, async () => {
  const root = await mkdtemp(join(tmpdir(), 'pcutil-fault-run-'));
  const tree = join(root, 'tree');
  for (let i = 0; i < FILES; i++) {
    const dir = join(tree, `a${i % 10}`, `b${i % 3}`);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, `f${i}.bin`), randomBytes(1024 + ((i * 7919) % (7 * 1024))));
  }
  const source = await localFiles(tree);
  fx.emulator.faults.set({
    rules: [
      { latencyMs: 2 },
      { methods: ['uploadfile'], failEvery: 9, failResult: 5000 },
      { methods: ['uploadfile'], resetRequestEvery: 17 },
      { methods: ['uploadfile'], resetResponseEvery: 19 },
      { methods: ['createfolderifnotexists', 'createfolder'], failEvery: 3, failResult: 4000 },
      { methods: ['checksumfile'], failEvery: 11, failResult: 4000 },
      { methods: ['getfilelink'], failEvery: 13, failResult: 5000 },
      { methods: ['download'], resetResponseEvery: 9 },
      { methods: ['download'], resetRequestEvery: 17 },
      { methods: ['listfolder'], failEvery: 2, failResult: 5000 },
    ],
  });
  const before = structuredClone(fx.emulator.faults.tally);
  const started = Date.now();
  let up;
  let down;
  try {
    up = await (await spawnPcutil(fx.emulator, ['cp', '-r', '-v', '--json', '-j', String(JOBS), `${tree}/`, 'p:/fault-run'])).exited;
    expect(up.code, up.stderr.slice(-2000)).toBe(0);
    const upSeconds = (Date.now() - started) / 1000;
    down = await (await spawnPcutil(fx.emulator, ['cp', '-r', '-v', '--json', '-j', String(JOBS), 'p:/fault-run/', join(root, 'back')]))
      .exited;
    expect(down.code, down.stderr.slice(-2000)).toBe(0);
    Object.assign(up, { seconds: upSeconds });
  } finally {
    fx.emulator.faults.set({});
  }
  const seconds = (Date.now() - started) / 1000;
  const injected = tallyDelta(fx.emulator.faults.tally, before);

  // Up: exactly the source's files on the server, each with the source's sha1.
  const { root: listed } = await walkTree(fx.client, { path: '/fault-run' });
  const remote = remoteFiles(listed);
  expect([...remote.keys()].sort()).toEqual([...source.files.keys()].sort());
  let verifiedUp = 0;
  const ids = [...remote];
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let next = ids.pop(); next; next = ids.pop()) {
        const [path, fileid] = next;
        expect((await fx.client.call('checksumfile', { fileid })).sha1, path).toBe(source.files.get(path));
        verifiedUp++;
      }
    }),
  );
  // Down: the same files, byte for byte, and no temporary file left on either side.
  const back = await localFiles(join(root, 'back'));
  expect(back.partial).toEqual([]);
  expect((await localFiles(tree)).partial).toEqual([]);
  expect(back.files).toEqual(source.files);
  const verifiedDown = [...back.files].filter(([path, digest]) => source.files.get(path) === digest).length;

  const upSummary = JSON.parse(up.stdout) as { files: number; failed: number };
  const downSummary = JSON.parse(down.stdout) as { files: number; failed: number };
  expect(upSummary).toMatchObject({ files: FILES, failed: 0 });
  expect(downSummary).toMatchObject({ files: FILES, failed: 0 });
  const retries = { up: countRetries(up.stderr), down: countRetries(down.stderr) };
  const retriesMade = [retries.up, retries.down].reduce((sum, r) => sum + r.client + r.download + r.byCaller, 0);
  // Every injected failure or reset had to be retried for the run to end clean (new small files go
  // up in batches, so uploads make few of them: most hit the downloads).
  expect(tallyTotal(injected)).toBeGreaterThan(FILES / 4);
  expect(injected.delayed).toBeGreaterThan(2 * FILES);
  expect(retriesMade).toBeGreaterThanOrEqual(tallyTotal(injected) * 0.9);

  const numbers = {
    files: FILES,
    faultsInjected: { total: tallyTotal(injected), ...injected },
    retriesMade: { total: retriesMade, ...retries },
    filesVerified: { up: verifiedUp, down: verifiedDown, byPcutil: upSummary.files + downSummary.files },
    seconds: { up: (up as { seconds?: number }).seconds, total: seconds },
  };
  const report = join(tmpdir(), 'pcloud-fault-run.json');
  await writeFile(report, `${JSON.stringify(numbers, null, 2)}\n`);
  console.log(`fault run (${report}): ${JSON.stringify(numbers)}`);
  expect(verifiedUp).toBe(FILES);
  expect(verifiedDown).toBe(FILES);
});
