/**
 * `pcutil sync --checksum` over real sockets: content compared by sha1, the digests kept in
 * node:sqlite in the cache folder (XDG_CACHE_HOME), so that a second run reads nothing again;
 * a cache that is corrupt or missing only costs the calls and reads to fill it again.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useEmulator } from './support/emulator.js';
import { pcutil } from './support/run-pcutil.js';
import { localSide, remoteSide } from './support/sync-sides.js';
import { callsDuring, localState, remoteState } from './support/tree-state.js';

const fx = useEmulator();
const T0 = 1_700_000_000;

async function scratch(): Promise<{ root: string; env: Record<string, string>; cacheFile: string }> {
  const root = await mkdtemp(join(tmpdir(), 'pcutil-sync-checksum-'));
  return { root, env: { XDG_CACHE_HOME: join(root, 'cache') }, cacheFile: join(root, 'cache', 'pcloud', 'pcutil-digests.sqlite') };
}

describe('sync --checksum', () => {
  it('up: finds content changed with the same size and time, keeps digests across runs, and survives a corrupt or missing cache', {
    timeout: 60_000,
  }, async () => {
    const { root, env, cacheFile } = await scratch();
    const source = localSide(join(root, 'src'));
    await source.put('a.txt', 'same', T0);
    await source.put('sub/b.txt', 'bbbb', T0);
    const args = ['sync', '--checksum', `${source.arg}/`, 'p:/ck-up'];
    const sync = (extra: string[] = []) => callsDuring(fx.emulator, () => pcutil(fx.emulator, [...extra, ...args], { env }));

    const [first] = await sync();
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/^2 copied, 0 updated/);
    expect((await readFile(cacheFile)).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');

    // Uploads verified every sha1 already: the next run reads no file and asks pCloud for no checksum.
    const [second, secondCalls] = await sync();
    expect(second.stderr).toMatch(/^0 copied, 0 updated, 0 deleted, 2 unchanged/);
    expect(secondCalls).toEqual({ listfolder: 1 });

    // New bytes, same size, same modification time: only a comparison of contents sees it.
    await writeFile(join(source.arg, 'sub/b.txt'), 'BBBB');
    await utimes(join(source.arg, 'sub/b.txt'), T0, T0);
    const quick = await pcutil(fx.emulator, ['sync', `${source.arg}/`, 'p:/ck-up']);
    expect(quick.stderr).toMatch(/^0 copied, 0 updated, 0 deleted, 2 unchanged/);
    const [changed, changedCalls] = await sync(['-v']);
    expect(changed.code, changed.stderr).toBe(0);
    expect(changed.stderr).toContain(`cp ${source.arg}/sub/b.txt p:/ck-up/sub/b.txt (checksum)\n`);
    expect(changed.stderr).toMatch(/\n0 copied, 1 updated, 0 deleted, 1 unchanged/);
    expect(changedCalls.checksumfile).toBeUndefined();
    expect(await remoteState(fx.client, '/ck-up')).toEqual(await localState(source.arg));

    await writeFile(cacheFile, 'this is not a database, it is a cache that went bad'.repeat(100));
    const [afterCorrupt, corruptCalls] = await sync();
    expect(afterCorrupt.code, afterCorrupt.stderr).toBe(0);
    expect(afterCorrupt.stderr).toMatch(/^0 copied, 0 updated, 0 deleted, 2 unchanged/);
    expect(corruptCalls).toEqual({ listfolder: 1, checksumfile: 2 });
    expect((await readFile(cacheFile)).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    expect((await sync())[1]).toEqual({ listfolder: 1 });

    await rm(join(root, 'cache'), { recursive: true });
    const [afterMissing, missingCalls] = await sync();
    expect(afterMissing.stderr).toMatch(/^0 copied, 0 updated, 0 deleted, 2 unchanged/);
    expect(missingCalls).toEqual({ listfolder: 1, checksumfile: 2 });
    expect(existsSync(cacheFile)).toBe(true);
    expect((await sync())[1]).toEqual({ listfolder: 1 });
  });

  it('down and server-side: a pCloud file whose content changed is found by its content hash, and only it costs a checksum', {
    timeout: 60_000,
  }, async () => {
    const { root, env } = await scratch();
    const source = remoteSide(fx.emulator, fx.client, '/ck-down');
    await source.put('a.txt', 'same', T0);
    await source.put('b.txt', 'bbbb', T0);
    const down = ['sync', '--checksum', 'p:/ck-down/', join(root, 'dl')];
    const server = ['sync', '--checksum', 'p:/ck-down/', 'p:/ck-mirror'];
    expect((await pcutil(fx.emulator, down, { env })).code).toBe(0);
    expect((await pcutil(fx.emulator, server, { env })).code).toBe(0);
    expect((await callsDuring(fx.emulator, () => pcutil(fx.emulator, down, { env })))[1]).toEqual({ listfolder: 1 });
    // Two pCloud folders compare content hashes: no checksum is needed at all.
    expect((await callsDuring(fx.emulator, () => pcutil(fx.emulator, server, { env })))[1]).toEqual({ listfolder: 2 });

    await source.put('b.txt', 'BBBB', T0);
    const [changed, calls] = await callsDuring(fx.emulator, () => pcutil(fx.emulator, ['-v', ...down], { env }));
    expect(changed.stderr).toContain(`cp p:/ck-down/b.txt ${join(root, 'dl')}/b.txt (checksum)\n`);
    // One to compare b.txt (a.txt's digest is cached under its unchanged hash), one that the download checks its bytes against.
    expect(calls.checksumfile).toBe(2);
    expect(await localState(join(root, 'dl'))).toEqual(await source.state());
    const [mirrored, serverCalls] = await callsDuring(fx.emulator, () => pcutil(fx.emulator, ['-v', ...server], { env }));
    expect(mirrored.stderr).toContain('cp p:/ck-down/b.txt p:/ck-mirror/b.txt (checksum)\n');
    // a.txt is settled by its content hash alone; the new b.txt's digest is cached since the download
    // compared it, so only the mirror's old b.txt costs a checksum.
    expect(serverCalls.checksumfile).toBe(1);
    expect(await remoteState(fx.client, '/ck-mirror')).toEqual(await source.state());
  });
});
