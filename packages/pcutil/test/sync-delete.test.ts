/**
 * `pcutil sync --delete` over real sockets: deletions come only after every copy succeeded
 * (a transfer failed by the emulator's fault injection leaves DEST's extras in place, and says
 * so), never more than --max-delete (the whole step refused, folders and their contents
 * counted), and on a local DEST a link is removed, never what it points to.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useEmulator } from './support/emulator.js';
import { pcutil } from './support/run-pcutil.js';
import { localSide, remoteSide } from './support/sync-sides.js';

const fx = useEmulator();
const T0 = 1_700_000_000;

describe('sync --delete', () => {
  it('deletes nothing while a transfer failed, says why, and the next run finishes the mirror', async () => {
    const root = await mkdtemp(join(tmpdir(), 'pcutil-sync-del-'));
    const source = localSide(join(root, 'tree'));
    const dest = remoteSide(fx.emulator, fx.client, '/del-fail/tree');
    await source.put('keep.txt', 'keep', T0);
    expect((await pcutil(fx.emulator, ['sync', source.arg, 'p:/del-fail'])).code).toBe(0);
    await dest.put('extra.txt', 'extra', T0);
    await dest.put('old/one.txt', '1', T0);
    await source.put('new.txt', 'new', T0);

    fx.emulator.faults.set({ rules: [{ methods: ['uploadfile'], failEvery: 1, failResult: 2008 }] });
    let failed: Awaited<ReturnType<typeof pcutil>>;
    try {
      failed = await pcutil(fx.emulator, ['sync', '--delete', '--json', source.arg, 'p:/del-fail']);
    } finally {
      fx.emulator.faults.set({});
    }
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(new RegExp(`^pcutil: cp ${source.arg}/new.txt p:/del-fail/tree/new.txt \\(new\\): .*\\n$`));
    expect(JSON.parse(failed.stdout)).toMatchObject({
      copied: 0,
      deleted: 0,
      unchanged: 1,
      failed: 1,
      notDeleted: 3,
      deletionSkipped: '1 item(s) not synced',
    });
    expect([...(await dest.state()).keys()]).toEqual(['extra.txt', 'keep.txt', 'old', 'old/one.txt']);

    const again = await pcutil(fx.emulator, ['sync', '--delete', source.arg, 'p:/del-fail']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/^1 copied, 0 updated, 3 deleted, 1 unchanged, 0 filtered, 0 failed in /);
    expect(await dest.state()).toEqual(await source.state());
  });

  it('says the summary line when a deletion fails, and the others still go', async () => {
    const root = await mkdtemp(join(tmpdir(), 'pcutil-sync-del-fail-'));
    const source = localSide(join(root, 'tree'));
    const dest = remoteSide(fx.emulator, fx.client, '/del-one/tree');
    await source.mkdir('');
    await dest.put('a.txt', 'a', T0);
    await dest.put('b/c.txt', 'c', T0);
    fx.emulator.faults.set({ rules: [{ methods: ['deletefile'], failEvery: 1, failResult: 2003 }] });
    let result: Awaited<ReturnType<typeof pcutil>>;
    try {
      result = await pcutil(fx.emulator, ['sync', '--delete', source.arg, 'p:/del-one']);
    } finally {
      fx.emulator.faults.set({});
    }
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^pcutil: rm p:\/del-one\/tree\/a\.txt: .*\n0 copied, 0 updated, 2 deleted, 0 unchanged, 0 filtered, 1 failed in /,
    );
    expect([...(await dest.state()).keys()]).toEqual(['a.txt']);
  });

  it('refuses the whole deletion step above --max-delete, counting a folder with what it holds; -d says so too', async () => {
    const root = await mkdtemp(join(tmpdir(), 'pcutil-sync-max-'));
    const source = localSide(join(root, 'tree'));
    const dest = remoteSide(fx.emulator, fx.client, '/del-max/tree');
    await source.put('kept.txt', 'kept', T0);
    await dest.put('x.txt', 'x', T0);
    await dest.put('dir/one.txt', '1', T0);
    await dest.put('dir/two.txt', '2', T0);
    const args = (max: number, ...extra: string[]) => ['sync', ...extra, '--delete', '--max-delete', String(max), source.arg, 'p:/del-max'];

    const planned = await pcutil(fx.emulator, args(3, '-d'));
    expect(planned.code).toBe(1);
    expect(planned.stdout).toBe(
      `cp ${source.arg}/kept.txt p:/del-max/tree/kept.txt (new)\nrm p:/del-max/tree/x.txt\nrm -r p:/del-max/tree/dir\n`,
    );
    expect(planned.stderr).toBe(
      'would copy 1, update 0, 0 to delete; 0 unchanged, 0 filtered\n' +
        'pcutil: nothing would be deleted (4 to delete): 4 file(s) and folder(s) to delete, more than --max-delete 3\n',
    );

    const refused = await pcutil(fx.emulator, args(3));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^1 copied, 0 updated, 0 deleted, 0 unchanged, 0 filtered, 0 failed in .*; nothing deleted \(4 to delete\): 4 file\(s\) and folder\(s\) to delete, more than --max-delete 3\.\n$/,
    );
    expect([...(await dest.state()).keys()]).toEqual(['dir', 'dir/one.txt', 'dir/two.txt', 'kept.txt', 'x.txt']);

    const allowed = await pcutil(fx.emulator, args(4));
    expect(allowed.code, allowed.stderr).toBe(0);
    expect(allowed.stderr).toMatch(/^0 copied, 0 updated, 4 deleted, 1 unchanged/);
    expect(await dest.state()).toEqual(await source.state());
  });

  it('on a local DEST removes a link, never what it points to', async () => {
    const root = await mkdtemp(join(tmpdir(), 'pcutil-sync-links-'));
    const source = remoteSide(fx.emulator, fx.client, '/del-links/tree');
    await source.put('a.txt', 'a', T0);
    const outside = join(root, 'outside');
    await mkdir(outside);
    await writeFile(join(outside, 'precious.txt'), 'precious');
    const dest = join(root, 'dl', 'tree');
    await mkdir(dest, { recursive: true });
    await symlink(outside, join(dest, 'linked-folder'));
    await symlink(join(outside, 'precious.txt'), join(dest, 'linked-file'));
    const result = await pcutil(fx.emulator, ['sync', '--delete', 'p:/del-links/tree', join(root, 'dl')]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^1 copied, 0 updated, 3 deleted/);
    expect(existsSync(join(dest, 'linked-folder'))).toBe(false);
    expect(existsSync(join(dest, 'linked-file'))).toBe(false);
    expect(existsSync(join(outside, 'precious.txt'))).toBe(true);
    expect(await localSide(dest).state()).toEqual(await source.state());
  });
});
