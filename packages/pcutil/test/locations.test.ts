import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useEmulator } from './support/emulator.js';
import { RUNNERS } from './support/run-pcutil.js';

describe.each(RUNNERS)('through %s', (_runner, pcutil) => {
  // Each way gets its own emulator: the scenarios start from an empty account.
  const fx = useEmulator();

  describe('locations', () => {
    it('accepts pcloud://host/path?authid= with its own token, and never prints the token', async () => {
      const root = await mkdtemp(join(tmpdir(), 'pcutil-loc-'));
      await writeFile(join(root, 'd.txt'), 'duplicati');
      const host = new URL(fx.emulator.apiUrl).host;
      const location = `pcloud+http://${host}/dup/folder?authid=${fx.emulator.token}`;
      // No token in the environment: the location's authid is the only credential.
      const result = await pcutil(fx.emulator, ['-v', 'cp', join(root, 'd.txt'), location], { env: { PCLOUD_ACCESS_TOKEN: '' } });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout + result.stderr).not.toContain(fx.emulator.token);
      expect(result.stderr.split('\n').filter((line) => line.includes('warning'))).toEqual([
        'pcutil: warning: a token given with authid= on the command line can be read by other users in the process list; put it in PCLOUD_ACCESS_TOKEN and leave authid= out',
      ]);
      expect((await pcutil(fx.emulator, ['cat', 'p:/dup/folder'])).stdout).toBe('duplicati');
    });

    it('refuses locations of different accounts in one command, changing nothing and showing no token', async () => {
      await fx.emulator.seedFile('/acct/a.txt', 'mine');
      const host = new URL(fx.emulator.apiUrl).host;
      const other = `pcloud+http://${host}/acct/b.txt?authid=another-accounts-token`;
      for (const args of [
        ['cp', 'p:/acct/a.txt', other],
        ['rm', 'p:/acct/a.txt', other],
        ['mv', 'p:/acct/a.txt', other],
      ]) {
        const result = await pcutil(fx.emulator, args);
        expect(result.code, args.join(' ')).toBe(2);
        expect(result.stderr).toMatch(
          /^pcutil: p:\/acct\/a\.txt and pcloud\+http:\/\/\S+\/acct\/b\.txt name different accounts or servers; one command works in one account\./,
        );
        expect(result.stdout + result.stderr).not.toContain('another-accounts-token');
      }
      expect((await pcutil(fx.emulator, ['ls', 'p:/acct'])).stdout.trim()).toBe('a.txt');
    });

    it('copies p:/ itself (its contents) and expands ~, $VARS and . in local paths', async () => {
      const root = await mkdtemp(join(tmpdir(), 'pcutil-loc2-'));
      const plan = await pcutil(fx.emulator, ['cp', '-d', '-r', 'p:/', '$TARGET/all'], { env: { TARGET: root } });
      expect(plan.code).toBe(0);
      expect(plan.stdout.split('\n')[0]).toBe(`mkdir ${root}/all`);
      await fx.emulator.seedFile('/tilde/.bashrc', 'rc');
      const home = await pcutil(fx.emulator, ['cp', 'p:/tilde/.bashrc', '~/.bashrc'], { env: { HOME: root } });
      expect(home.code, home.stderr).toBe(0);
      expect(await readFile(join(root, '.bashrc'), 'utf8')).toBe('rc');
      const dot = await pcutil(fx.emulator, ['cp', 'p:/tilde/.bashrc', '.'], { cwd: root, env: { HOME: root } });
      expect(dot.code, dot.stderr).toBe(0);
    });

    it("takes a pcloud:// SOURCE ending in .. as its folder's contents, as p: does", async () => {
      await fx.emulator.seedFile('/dots/x/a.txt', 'a');
      await fx.emulator.seedFile('/dots/x/sub/b.txt', 'b');
      const root = await mkdtemp(join(tmpdir(), 'pcutil-dots-'));
      const host = new URL(fx.emulator.apiUrl).host;
      const viaP = await pcutil(fx.emulator, ['cp', '-d', '-r', 'p:/dots/x/sub/..', join(root, 'out')]);
      const viaUrl = await pcutil(fx.emulator, [
        'cp',
        '-d',
        '-r',
        `pcloud+http://${host}/dots/x/sub/..?authid=${fx.emulator.token}`,
        join(root, 'out'),
      ]);
      expect(viaP.stdout.split('\n').slice(0, 2)).toEqual([`mkdir ${root}/out`, `cp p:/dots/x/a.txt ${root}/out/a.txt`]);
      expect([viaUrl.code, viaUrl.stdout]).toEqual([viaP.code, viaP.stdout]);
    });

    it('rm --json reports what was removed and what failed', async () => {
      await fx.emulator.seedFile('/rmjson/t/a', 'a');
      await fx.emulator.seedFile('/rmjson/f', 'f');
      const result = await pcutil(fx.emulator, ['rm', '--json', '-r', 'rmjson/t', 'p:/rmjson/f', 'p:/rmjson/none']);
      expect(result.code).toBe(1);
      expect(JSON.parse(result.stdout)).toEqual({
        removed: [
          { path: 'p:/rmjson/t', type: 'folder', folders: 1, files: 1 },
          { path: 'p:/rmjson/f', type: 'file' },
        ],
        errors: ['p:/rmjson/none: no such file or folder'],
      });
    });
  });
});
