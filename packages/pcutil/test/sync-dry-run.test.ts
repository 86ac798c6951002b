/**
 * `pcutil sync -d`: the plan, as lines and as JSON, with why each file would be copied; nothing
 * changes anywhere (the pCloud account, the local tree, the config file, the digest cache), and
 * the real run then does exactly what was planned.
 */
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useEmulator } from './support/emulator.js';
import { RUNNERS } from './support/run-pcutil.js';
import { localSnapshot, remoteSnapshot } from './support/snapshot.js';
import { localSide, remoteSide } from './support/sync-sides.js';

const T0 = 1_700_000_000;

describe.each(RUNNERS)('sync -d through %s', (_runner, pcutil) => {
  const fx = useEmulator();

  it('prints the plan, as lines or JSON, and changes nothing: not pCloud, the disk, the config or the digest cache', async () => {
    const root = await mkdtemp(join(tmpdir(), 'pcutil-sync-dry-'));
    const home = join(root, 'home');
    const env = { HOME: home, XDG_CACHE_HOME: join(root, 'cache') };
    const source = localSide(join(root, 'tree'));
    const dest = remoteSide(fx.emulator, fx.client, '/dry/tree');
    await source.put('new.txt', 'new', T0);
    await source.put('sub/changed.txt', 'now longer', T0);
    await source.put('same.txt', 'same', T0);
    await source.mkdir('empty');
    await dest.put('sub/changed.txt', 'short', T0);
    await dest.put('same.txt', 'same', T0);
    await dest.put('extra.txt', 'extra', T0);
    await dest.put('gone/g.txt', 'g', T0);
    const localBefore = await localSnapshot(root);
    const remoteBefore = await remoteSnapshot(fx.client);
    const args = ['--delete', '--checksum', source.arg, 'p:/dry'];

    const lines = await pcutil(fx.emulator, ['sync', '-d', ...args], { env });
    expect(lines.code, lines.stderr).toBe(0);
    expect(lines.stdout).toBe(
      [
        `cp ${source.arg}/new.txt p:/dry/tree/new.txt (new)`,
        'mkfolder p:/dry/tree/empty',
        `cp ${source.arg}/sub/changed.txt p:/dry/tree/sub/changed.txt (size)`,
        'rm p:/dry/tree/extra.txt',
        'rm -r p:/dry/tree/gone',
        '',
      ].join('\n'),
    );
    expect(lines.stderr).toBe('would copy 1, update 1, 3 to delete; 1 unchanged, 0 filtered\n');

    const json = await pcutil(fx.emulator, ['sync', '-d', '--json', ...args], { env });
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({
      plan: [
        { action: 'cp', from: `${source.arg}/new.txt`, to: 'p:/dry/tree/new.txt', reason: 'new' },
        { action: 'mkfolder', path: 'p:/dry/tree/empty' },
        { action: 'cp', from: `${source.arg}/sub/changed.txt`, to: 'p:/dry/tree/sub/changed.txt', reason: 'size' },
        { action: 'rm', path: 'p:/dry/tree/extra.txt' },
        { action: 'rm -r', path: 'p:/dry/tree/gone' },
      ],
      problems: [],
      unchanged: 1,
      filtered: 0,
      onlyInDest: 0,
      deletion: { items: 3 },
    });

    expect(await localSnapshot(root)).toEqual(localBefore);
    expect(await remoteSnapshot(fx.client)).toEqual(remoteBefore);
    expect(existsSync(join(home, '.config'))).toBe(false);
    expect(existsSync(join(root, 'cache'))).toBe(false);

    // The real run does what the plan said, and no more.
    const real = await pcutil(fx.emulator, ['-v', 'sync', ...args], { env });
    expect(real.code, real.stderr).toBe(0);
    const done = real.stderr.split('\n').filter((line) => /^(cp|rm|mkdir|mkfolder) /.test(line));
    expect(done.sort()).toEqual(lines.stdout.trim().split('\n').sort());
    expect(await dest.state()).toEqual(await source.state());
    expect(existsSync(join(root, 'cache', 'pcloud', 'pcutil-digests.sqlite'))).toBe(true);
  });
});
