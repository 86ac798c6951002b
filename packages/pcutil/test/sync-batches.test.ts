/**
 * `pcutil sync` up with many small files changed and added in one folder (the nightly 1% of a
 * photo or document folder): they share `uploadfile` requests, new and replacing alike, and each
 * replacement moves over its old file only once verified, so a file whose bytes arrive changed
 * keeps its old content and the run says it failed. Calls are counted on the emulator.
 */
import { mkdtemp, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useEmulator } from './support/emulator.js';
import { pcutil } from './support/run-pcutil.js';
import { localSide, remoteSide } from './support/sync-sides.js';
import { callsDuring } from './support/tree-state.js';

const fx = useEmulator();
const T0 = 1_700_000_000;
const FILES = 12;

describe('sync up: small changed and new files of one folder', () => {
  it('go up together, each replacing its old file once verified; -d plans exactly what is done', async () => {
    const source = localSide(join(await mkdtemp(join(tmpdir(), 'pcutil-sync-batch-')), 'tree'));
    const dest = remoteSide(fx.emulator, fx.client, '/sync-batch/tree');
    for (let i = 0; i < FILES; i++) await source.put(`d/f${i}.txt`, `version 1 of ${i}`, T0);
    expect((await pcutil(fx.emulator, ['sync', source.arg, 'p:/sync-batch'])).code).toBe(0);

    // Half the files rewritten (same size, a new time), and three new ones, all with one mtime.
    for (let i = 0; i < FILES; i += 2) await source.put(`d/f${i}.txt`, `version 2 of ${i}`, T0 + 60);
    for (const name of ['n1.txt', 'n2.txt', 'n3.txt']) await source.put(`d/${name}`, `new ${name}`, T0 + 60);
    const planned = await pcutil(fx.emulator, ['sync', '-d', source.arg, 'p:/sync-batch']);
    const [run, calls] = await callsDuring(fx.emulator, () => pcutil(fx.emulator, ['-v', 'sync', source.arg, 'p:/sync-batch']));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^3 copied, 6 updated, 0 deleted, 6 unchanged, 0 filtered, 0 failed /m);
    const done = run.stderr.split('\n').filter((line) => line.startsWith('cp '));
    expect(done.sort()).toEqual(planned.stdout.trim().split('\n').sort());
    // One listing, one request for all nine files (one per creation second, which pCloud takes
    // as a parameter of the request, as core sends it: the birth time), one move per replaced
    // file, nothing else.
    const ctimes = new Set<number | undefined>();
    for (const name of [...[0, 2, 4, 6, 8, 10].map((i) => `f${i}.txt`), 'n1.txt', 'n2.txt', 'n3.txt']) {
      const born = (await stat(join(source.arg, 'd', name))).birthtimeMs;
      ctimes.add(born > 0 ? Math.floor(born / 1000) : undefined);
    }
    expect(calls).toEqual({ listfolder: 1, uploadfile: ctimes.size, renamefile: 6 });
    expect(await dest.state()).toEqual(await source.state());

    const [again, quiet] = await callsDuring(fx.emulator, () => pcutil(fx.emulator, ['sync', source.arg, 'p:/sync-batch']));
    expect(again.stderr).toMatch(/^0 copied, 0 updated, 0 deleted, 15 unchanged/);
    expect(quiet).toEqual({ listfolder: 1 });
  });
});
