import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useEmulator } from './support/emulator.js';
import { RUNNERS } from './support/run-pcutil.js';

const temp = () => mkdtemp(join(tmpdir(), 'pcutil-cp-'));

describe.each(RUNNERS)('through %s', (_runner, pcutil) => {
  // Each way gets its own emulator: the scenarios start from an empty account.
  const fx = useEmulator();

  describe('cp behaviour', () => {
    it('uploads standard input and writes files to standard output', async () => {
      const data = Buffer.alloc(300_000, 9);
      const up = await pcutil(fx.emulator, ['cp', '-', 'p:/std/in.bin'], { stdin: data });
      expect(up.code, up.stderr).toBe(0);
      const out = await pcutil(fx.emulator, ['cp', 'p:/std/in.bin', '-']);
      expect(out.stdoutBytes.equals(data)).toBe(true);
      await fx.emulator.seedFile('/std/two.txt', 'two\n');
      const cat = await pcutil(fx.emulator, ['cat', 'p:/std/two.txt', 'std/two.txt']);
      expect(cat.stdout).toBe('two\ntwo\n');
    });

    it('copies several sources into a folder and names with & # % + ? and UTF-8 both ways', async () => {
      const root = await temp();
      const names = ['a&b.txt', '#hash.txt', '100%.txt', 'x+y.txt', 'why?.txt', 'ünï 東京.txt', 'empty'];
      for (const name of names) await writeFile(join(root, name), name === 'empty' ? '' : name);
      const up = await pcutil(fx.emulator, ['cp', ...names.map((n) => join(root, n)), 'p:/names']);
      expect(up.code, up.stderr).toBe(0);
      const down = await pcutil(fx.emulator, ['cp', '-r', 'p:/names/', join(root, 'back')]);
      expect(down.code, down.stderr).toBe(0);
      expect((await readdir(join(root, 'back'))).sort()).toEqual([...names].sort());
      for (const name of names) expect(await readFile(join(root, 'back', name), 'utf8')).toBe(name === 'empty' ? '' : name);
    });

    it('-n never replaces, -u skips identical files, the default overwrites', async () => {
      const root = await temp();
      await mkdir(join(root, 'src'));
      await writeFile(join(root, 'src/same.txt'), 'same');
      await writeFile(join(root, 'src/changed.txt'), 'new!');
      await fx.emulator.seedFile('/upd/same.txt', 'same');
      await fx.emulator.seedFile('/upd/changed.txt', 'old!');
      const keep = await pcutil(fx.emulator, ['-v', 'cp', '-n', '-r', `${join(root, 'src')}/`, 'p:/upd']);
      expect(keep.stderr).toContain('skip p:/upd/changed.txt: exists, not replaced (-n)');
      // -v reports actions; the API trace is --debug's.
      expect(keep.stderr).not.toMatch(/^(http|binary) \w+ |ok in \d+ ms/m);
      expect((await pcutil(fx.emulator, ['cat', 'p:/upd/changed.txt'])).stdout).toBe('old!');
      const update = await pcutil(fx.emulator, ['cp', '--json', '-u', '-r', `${join(root, 'src')}/`, 'p:/upd']);
      const summary = JSON.parse(update.stdout) as { files: number; skipped: number; failed: number; bytes: number };
      expect(summary).toMatchObject({ files: 1, skipped: 1, failed: 0, bytes: 4 });
      expect((await pcutil(fx.emulator, ['cat', 'p:/upd/changed.txt'])).stdout).toBe('new!');
      await writeFile(join(root, 'src/same.txt'), 'SAME');
      const overwrite = await pcutil(fx.emulator, ['cp', join(root, 'src/same.txt'), 'p:/upd/same.txt']);
      expect(overwrite.code).toBe(0);
      expect((await pcutil(fx.emulator, ['cat', 'p:/upd/same.txt'])).stdout).toBe('SAME');
    });

    it('-n and -u work the same way on a download', async () => {
      const root = await temp();
      await mkdir(join(root, 'dst'));
      await writeFile(join(root, 'dst/same.txt'), 'same');
      await writeFile(join(root, 'dst/changed.txt'), 'old!');
      await fx.emulator.seedFile('/dn/same.txt', 'same');
      await fx.emulator.seedFile('/dn/changed.txt', 'new!');
      await fx.emulator.seedFile('/dn/fresh.txt', 'fresh');
      const keep = await pcutil(fx.emulator, ['cp', '--json', '-n', '-r', 'p:/dn/', join(root, 'dst')]);
      expect(JSON.parse(keep.stdout)).toMatchObject({ files: 1, skipped: 2, failed: 0 });
      expect(await readFile(join(root, 'dst/changed.txt'), 'utf8')).toBe('old!');
      const update = await pcutil(fx.emulator, ['cp', '--json', '-u', '-r', 'p:/dn/', join(root, 'dst')]);
      expect(JSON.parse(update.stdout)).toMatchObject({ files: 1, skipped: 2, failed: 0, bytes: 4 });
      expect(await readFile(join(root, 'dst/changed.txt'), 'utf8')).toBe('new!');
      expect((await readdir(join(root, 'dst'))).sort()).toEqual(['changed.txt', 'fresh.txt', 'same.txt']);
    });

    it('replaces an existing file only with verified bytes, or in place with --in-place', async () => {
      const root = await temp();
      await writeFile(join(root, 'v2.txt'), 'version 2');
      await writeFile(join(root, 'v3.txt'), 'version 3');
      const oldId = await fx.emulator.seedFile('/repl/file.txt', 'version 1');
      const replaced = await pcutil(fx.emulator, ['--debug', 'cp', join(root, 'v2.txt'), 'p:/repl/file.txt']);
      expect(replaced.code, replaced.stderr).toBe(0);
      const lines = replaced.stderr.split('\n');
      // Uploaded beside the file under a temporary name, then moved over it.
      expect(lines.some((line) => /^http uploadfile .*"filename":"\.file\.txt\.pcloud-partial-[0-9a-f]{12}"/.test(line))).toBe(true);
      expect(lines.some((line) => line.startsWith('http renamefile '))).toBe(true);
      const after = JSON.parse((await pcutil(fx.emulator, ['ls', '--json', 'p:/repl'])).stdout) as Array<{ name: string; id: number }>;
      expect(after.map((item) => item.name)).toEqual(['file.txt']);
      expect(after[0]?.id).toEqual(expect.any(Number));
      expect(after[0]?.id).not.toBe(oldId);
      expect((await pcutil(fx.emulator, ['cat', 'p:/repl/file.txt'])).stdout).toBe('version 2');
      const inPlace = await pcutil(fx.emulator, ['cp', '--in-place', join(root, 'v3.txt'), 'p:/repl/file.txt']);
      expect(inPlace.code, inPlace.stderr).toBe(0);
      const last = JSON.parse((await pcutil(fx.emulator, ['ls', '--json', 'p:/repl'])).stdout) as Array<{ name: string; id: number }>;
      expect(last).toEqual([expect.objectContaining({ name: 'file.txt', id: after[0]?.id })]);
      expect((await pcutil(fx.emulator, ['cat', 'p:/repl/file.txt'])).stdout).toBe('version 3');
    });

    it('deletes what a killed earlier replace left beside its own targets, and nothing else', async () => {
      const root = await temp();
      await writeFile(join(root, 'file.txt'), 'fresh');
      await fx.emulator.seedFile('/sweep/file.txt', 'old');
      await fx.emulator.seedFile('/sweep/.file.txt.pcloud-partial-0123456789ab', 'left by a killed run');
      await fx.emulator.seedFile('/sweep/.other.txt.pcloud-partial-0123456789ab', 'not ours');
      const result = await pcutil(fx.emulator, ['-v', 'cp', join(root, 'file.txt'), 'p:/sweep/file.txt']);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toContain('removed 1 temporary file(s) an interrupted earlier copy left');
      expect((await pcutil(fx.emulator, ['ls', 'p:/sweep'])).stdout.split('\n').filter(Boolean).sort()).toEqual([
        '.other.txt.pcloud-partial-0123456789ab',
        'file.txt',
      ]);
      expect((await pcutil(fx.emulator, ['cat', 'p:/sweep/file.txt'])).stdout).toBe('fresh');
    });

    it('copies pCloud to pCloud on the server, recursively', async () => {
      await fx.emulator.seedFile('/srv/a/one.txt', '1', 1_500_000_000);
      await fx.emulator.seedFile('/srv/a/sub/two.txt', '22');
      // p:/srv/b is missing: it is created and receives the folder under its own name.
      const result = await pcutil(fx.emulator, ['cp', '-r', 'p:/srv/a', 'p:/srv/b']);
      expect(result.code, result.stderr).toBe(0);
      expect((await pcutil(fx.emulator, ['cat', 'p:/srv/b/a/sub/two.txt'])).stdout).toBe('22');
      const long = await pcutil(fx.emulator, ['ls', '-l', 'p:/srv/b/a']);
      expect(long.stdout).toContain('2017-07-14 02:40  one.txt');
    });

    it('follows symlinks to files, skips special files with a warning and reports loops under -L', async () => {
      const root = await temp();
      await mkdir(join(root, 'src/inner'), { recursive: true });
      await mkdir(join(root, 'elsewhere'));
      await writeFile(join(root, 'elsewhere/target.txt'), 'target');
      await writeFile(join(root, 'src/inner/real.txt'), 'real');
      await symlink(join(root, 'elsewhere/target.txt'), join(root, 'src/link.txt'));
      await symlink(join(root, 'src'), join(root, 'src/inner/loop'));
      execFileSync('mkfifo', [join(root, 'src/pipe')]);
      const result = await pcutil(fx.emulator, ['cp', '-L', '-r', `${join(root, 'src')}/`, 'p:/links']);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toContain('pcutil: warning: ');
      expect(result.stderr).toMatch(/inner\/loop: symbolic link loop/);
      expect(result.stderr).toMatch(/pipe: not a regular file or folder/);
      expect((await pcutil(fx.emulator, ['cat', 'p:/links/link.txt'])).stdout).toBe('target');
      expect((await pcutil(fx.emulator, ['ls', '-R', 'p:/links'])).stdout).toBe(
        'p:/links:\ninner/\nlink.txt\n\np:/links/inner:\nreal.txt\n',
      );
      // Named directly, a special file is skipped with the same warning, and copies go on.
      const direct = await pcutil(fx.emulator, ['cp', join(root, 'src/pipe'), join(root, 'src/inner/real.txt'), 'p:/links/direct/']);
      expect(direct.code, direct.stderr).toBe(0);
      expect(direct.stderr).toMatch(/^pcutil: warning: \S*pipe: not a regular file or folder/m);
      expect((await pcutil(fx.emulator, ['ls', 'p:/links/direct'])).stdout).toBe('real.txt\n');
    });

    it('reports a failed file and still copies the rest, exit 1', async () => {
      const root = await temp();
      await mkdir(join(root, 'src'));
      await writeFile(join(root, 'src/ok.txt'), 'ok');
      await writeFile(join(root, 'src/bad\\name.txt'), 'bad');
      const result = await pcutil(fx.emulator, ['cp', '-r', join(root, 'src'), 'p:/partial']);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/bad\\name\.txt: pCloud refuses a backslash/);
      expect(result.stderr).toMatch(/1 file\(s\) copied .*; 1 failed\.\n$/);
      expect((await pcutil(fx.emulator, ['ls', 'p:/partial/src'])).stdout).toBe('ok.txt\n');
    });

    it('mv renames and moves on the server; mkdir -p creates chains; ls --json describes', async () => {
      expect((await pcutil(fx.emulator, ['mkdir', '-p', 'p:/mv/a/b', 'mv/c'])).code).toBe(0);
      await fx.emulator.seedFile('/mv/f.txt', 'f');
      expect((await pcutil(fx.emulator, ['mv', 'p:/mv/f.txt', 'p:/mv/g.txt'])).code).toBe(0);
      expect((await pcutil(fx.emulator, ['mv', 'p:/mv/g.txt', 'p:/mv/c', 'p:/mv/a'])).code).toBe(0);
      const json = JSON.parse((await pcutil(fx.emulator, ['ls', '--json', '-R', 'p:/mv'])).stdout) as Array<{ path: string; type: string }>;
      expect(json.map((row) => `${row.type} ${row.path}`)).toEqual([
        'folder /mv/a',
        'folder /mv/a/b',
        'folder /mv/a/c',
        'file /mv/a/g.txt',
      ]);
      const again = await pcutil(fx.emulator, ['mkdir', 'p:/mv/a']);
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/^pcutil: p:\/mv\/a: .*2004/);
    });
  });
});
