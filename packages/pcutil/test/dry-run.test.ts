import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useEmulator } from './support/emulator.js';
import { RUNNERS } from './support/run-pcutil.js';
import { localSnapshot, remoteSnapshot } from './support/snapshot.js';

describe.each(RUNNERS)('through %s', (_runner, pcutil) => {
  // Each way gets its own emulator: the scenarios start from an empty account.
  const fx = useEmulator();

  describe('dry run', () => {
    it('prints the original plan lines and leaves both sides byte-identical', async () => {
      const root = await mkdtemp(join(tmpdir(), 'pcutil-dry-'));
      await mkdir(join(root, 'up/sub'), { recursive: true });
      await writeFile(join(root, 'up/a.txt'), 'a');
      await writeFile(join(root, 'up/sub/b.txt'), 'bb');
      await fx.emulator.seedFile('/dry/remote/r.txt', 'remote');
      await fx.emulator.seedFile('/dry/remote/inner/s.txt', 'sss');
      await mkdir(join(root, 'down'));
      const localBefore = await localSnapshot(root);
      const remoteBefore = await remoteSnapshot(fx.client);

      // DEST is missing: it is created, and the folder lands in it under its own name.
      const up = await pcutil(fx.emulator, ['cp', '-d', '-r', join(root, 'up'), 'p:/dry/new/deep']);
      expect(up.code).toBe(0);
      expect(up.stdout.split('\n')).toEqual([
        'mkfolder p:/dry/new',
        'mkfolder p:/dry/new/deep',
        'mkfolder p:/dry/new/deep/up',
        `cp ${root}/up/a.txt p:/dry/new/deep/up/a.txt`,
        'mkfolder p:/dry/new/deep/up/sub',
        `cp ${root}/up/sub/b.txt p:/dry/new/deep/up/sub/b.txt`,
        '',
      ]);
      const down = await pcutil(fx.emulator, ['cp', '--dry-run', '-r', 'p:/dry/remote', join(root, 'down')]);
      expect(down.stdout.split('\n')).toEqual([
        `mkdir ${root}/down/remote`,
        `cp p:/dry/remote/r.txt ${root}/down/remote/r.txt`,
        `mkdir ${root}/down/remote/inner`,
        `cp p:/dry/remote/inner/s.txt ${root}/down/remote/inner/s.txt`,
        '',
      ]);
      const rm = await pcutil(fx.emulator, ['rm', '-d', '-r', 'p:/dry/remote', 'dry/remote/r.txt', 'p:/dry/missing']);
      expect(rm.stdout).toBe('rm -r p:/dry/remote\nrm p:/dry/remote/r.txt\n');
      expect(rm.stderr).toBe('pcutil: p:/dry/missing: no such file or folder\n');
      expect(rm.code).toBe(1);
      const mv = await pcutil(fx.emulator, ['mv', '-d', 'p:/dry/remote/r.txt', 'p:/dry/remote/inner']);
      expect(mv.stdout).toBe('mv p:/dry/remote/r.txt p:/dry/remote/inner/r.txt\n');

      expect(await localSnapshot(root)).toEqual(localBefore);
      expect(await remoteSnapshot(fx.client)).toEqual(remoteBefore);
    });

    it('gives the plan as JSON with --json, the same actions as its lines', async () => {
      const root = await mkdtemp(join(tmpdir(), 'pcutil-dry-json-'));
      await mkdir(join(root, 'up/sub'), { recursive: true });
      await writeFile(join(root, 'up/sub/a.txt'), 'a');
      await fx.emulator.seedFile('/dryjson/old/x.txt', 'x');
      const cp = await pcutil(fx.emulator, ['cp', '-d', '--json', '-r', join(root, 'up'), 'p:/dryjson/new']);
      expect(cp.code, cp.stderr).toBe(0);
      expect(JSON.parse(cp.stdout)).toEqual({
        plan: [
          { action: 'mkfolder', path: 'p:/dryjson/new' },
          { action: 'mkfolder', path: 'p:/dryjson/new/up' },
          { action: 'mkfolder', path: 'p:/dryjson/new/up/sub' },
          { action: 'cp', from: `${root}/up/sub/a.txt`, to: 'p:/dryjson/new/up/sub/a.txt' },
        ],
        problems: [],
      });
      const rm = await pcutil(fx.emulator, ['rm', '-d', '--json', '-r', 'p:/dryjson/old', 'p:/dryjson/none']);
      expect(rm.code).toBe(1);
      expect(JSON.parse(rm.stdout)).toEqual({
        plan: [{ action: 'rm -r', path: 'p:/dryjson/old' }],
        problems: [{ path: 'p:/dryjson/none', message: 'p:/dryjson/none: no such file or folder', severity: 'error' }],
      });
      expect((await pcutil(fx.emulator, ['cat', 'p:/dryjson/old/x.txt'])).stdout).toBe('x');
    });

    it('creates no config file and saves no --username', async () => {
      const home = await mkdtemp(join(tmpdir(), 'pcutil-dry-home-'));
      await writeFile(join(home, 'f.txt'), 'f');
      const result = await pcutil(fx.emulator, ['--username', 'someone@example.com', 'cp', '-d', join(home, 'f.txt'), 'p:/dry-home/'], {
        env: { HOME: home },
      });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain('p:/dry-home/f.txt');
      expect(existsSync(join(home, '.config'))).toBe(false);
      // The same command for real does create it, with the username: the check above can fail.
      expect(
        (
          await pcutil(fx.emulator, ['--username', 'someone@example.com', 'cp', join(home, 'f.txt'), 'p:/dry-home/'], {
            env: { HOME: home },
          })
        ).code,
      ).toBe(0);
      expect(JSON.parse(await readFile(join(home, '.config/pcloud.json'), 'utf8'))).toMatchObject({ username: 'someone@example.com' });
    });

    it('prints exactly what the real run then does (-v)', async () => {
      const root = await mkdtemp(join(tmpdir(), 'pcutil-dry2-'));
      await mkdir(join(root, 'src/x'), { recursive: true });
      await writeFile(join(root, 'src/x/1'), '1');
      await writeFile(join(root, 'src/2'), '2');
      const planned = await pcutil(fx.emulator, ['cp', '-d', '-r', `${join(root, 'src')}/`, 'p:/dry2']);
      const real = await pcutil(fx.emulator, ['-v', 'cp', '-j', '1', '-r', `${join(root, 'src')}/`, 'p:/dry2']);
      expect(real.code).toBe(0);
      const actions = real.stderr.split('\n').filter((line) => /^(cp|mkdir|mkfolder) /.test(line));
      // Folders are all created before the (parallel) copies start, so only the order may differ.
      expect(actions.sort()).toEqual(planned.stdout.trim().split('\n').sort());
      expect(actions).toHaveLength(4);
    });
  });
});
