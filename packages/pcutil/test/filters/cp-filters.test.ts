import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useEmulator } from '../support/emulator.js';
import { pcutil, pcutilSpawned } from '../support/run-pcutil.js';
import { remoteSnapshot } from '../support/snapshot.js';
import { localPaths, remotePaths, seedRemoteTree, writeLocalTree } from './tree-fixture.js';

const fx = useEmulator();

interface Summary {
  files: number;
  folders: number;
  filtered: number;
  failed: number;
}

describe('cp -r up with filters', () => {
  it('--exclude: a pattern, a folder rule (PATTERN/) anywhere, an anchored folder; the summary counts what was left out', async () => {
    const root = await writeLocalTree();
    const run = await pcutil(fx.emulator, [
      'cp',
      '-r',
      '--exclude',
      'node_modules/',
      '--exclude',
      '*.log',
      '--exclude',
      '/build/',
      join(root, 'src'),
      'p:/ex1',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/; 4 filtered; 0 failed\.\n$/);
    expect(await remotePaths(fx.client, '/ex1/src')).toEqual([
      'a.txt',
      'app/',
      'app/cache/',
      'app/cache/c.tmp',
      'app/main.js',
      'big.bin',
      'empty/',
      'lib/',
      'lib/build/',
      'lib/build/z.js',
      'old.txt',
    ]);
  });

  it('--include takes only matching files; folders that hold none are not created', async () => {
    const root = await writeLocalTree();
    const run = await pcutil(fx.emulator, ['cp', '-r', '--json', '--include', '*.js', `${join(root, 'src')}/`, 'p:/in1']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout) as Summary).toMatchObject({ files: 5, failed: 0, filtered: 7 });
    expect(await remotePaths(fx.client, '/in1')).toEqual([
      'app/',
      'app/main.js',
      'app/node_modules/',
      'app/node_modules/y.js',
      'build/',
      'build/out.js',
      'lib/',
      'lib/build/',
      'lib/build/z.js',
      'node_modules/',
      'node_modules/x.js',
    ]);
  });

  it('--filter rules apply in order, first match wins; --filter-from reads them from a file', async () => {
    const root = await writeLocalTree();
    const args = ['--filter', '- app/**', '--filter', '+ *.js', '--filter', '- **'];
    const run = await pcutil(fx.emulator, ['cp', '-r', ...args, `${join(root, 'src')}/`, 'p:/order1']);
    expect(run.code, run.stderr).toBe(0);
    expect(await remotePaths(fx.client, '/order1')).toEqual([
      'build/',
      'build/out.js',
      'lib/',
      'lib/build/',
      'lib/build/z.js',
      'node_modules/',
      'node_modules/x.js',
    ]);
    const rules = join(root, 'rules.txt');
    await writeFile(rules, '# js first, except under app\n+ /app/main.js\n- app/**\n+ *.js\n- *\n');
    const fromFile = await pcutil(fx.emulator, ['cp', '-r', '--filter-from', rules, `${join(root, 'src')}/`, 'p:/order2']);
    expect(fromFile.code, fromFile.stderr).toBe(0);
    expect(await remotePaths(fx.client, '/order2')).toEqual([
      'app/',
      'app/main.js',
      'build/',
      'build/out.js',
      'lib/',
      'lib/build/',
      'lib/build/z.js',
      'node_modules/',
      'node_modules/x.js',
    ]);
  });

  it('--max-age, --min-age, --min-size and --max-size judge each file, never a folder', async () => {
    const root = await writeLocalTree();
    const young = await pcutil(fx.emulator, ['cp', '-r', '--max-age', '7d', '--exclude', '**/*.js', `${join(root, 'src')}/`, 'p:/age1']);
    expect(young.code, young.stderr).toBe(0);
    // Folders are not judged by age: those the rules select are copied, even when no file in them is.
    expect(await remotePaths(fx.client, '/age1')).toEqual([
      'a.txt',
      'app/',
      'app/cache/',
      'app/cache/c.tmp',
      'app/node_modules/',
      'b.log',
      'big.bin',
      'build/',
      'empty/',
      'lib/',
      'lib/build/',
      'node_modules/',
    ]);
    const old = await pcutil(fx.emulator, ['cp', '-r', '--min-age', '2w', `${join(root, 'src')}/`, 'p:/age2']);
    expect(old.code, old.stderr).toBe(0);
    expect((await remotePaths(fx.client, '/age2'))?.filter((path) => !path.endsWith('/'))).toEqual(['old.txt']);
    const big = await pcutil(fx.emulator, ['cp', '-r', '--min-size', '2K', '--max-size', '3K', `${join(root, 'src')}/`, 'p:/size1']);
    expect(big.code, big.stderr).toBe(0);
    expect((await remotePaths(fx.client, '/size1'))?.filter((path) => !path.endsWith('/'))).toEqual(['big.bin']);
  });
});

describe('the walk skips excluded folders', () => {
  it('never reads a folder the rules exclude: a FIFO inside it draws no warning', async () => {
    const root = await writeLocalTree();
    await mkdir(join(root, 'src', 'skip'));
    execFileSync('mkfifo', [join(root, 'src', 'skip', 'pipe')]);
    const walked = await pcutil(fx.emulator, ['cp', '-r', '-d', `${join(root, 'src')}/`, 'p:/fifo1']);
    expect(walked.stderr).toMatch(/skip\/pipe: not a regular file/);
    const skipped = await pcutil(fx.emulator, ['cp', '-r', '-d', '--exclude', 'skip/', `${join(root, 'src')}/`, 'p:/fifo1']);
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).toBe('pcutil: 1 item(s) filtered, not copied (-v lists them)\n');
  });

  it("takes --filter '- PATTERN' as one argument through the real bin", async () => {
    const root = await writeLocalTree();
    const run = await pcutilSpawned(fx.emulator, [
      'cp',
      '-r',
      '--filter',
      '- *.{log,bin}',
      '--filter',
      '- **/*.js',
      `${join(root, 'src')}/`,
      'p:/spawn1',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect((await remotePaths(fx.client, '/spawn1'))?.filter((path) => !path.endsWith('/'))).toEqual([
      'a.txt',
      'app/cache/c.tmp',
      'old.txt',
    ]);
  });
});

describe('cp -r down with filters', () => {
  it('anchors at the folder named, matches folders by a trailing /, and leaves the rest on pCloud alone', async () => {
    await seedRemoteTree(fx.emulator, '/down1');
    const root = await writeLocalTree();
    const target = join(root, 'back');
    const run = await pcutil(fx.emulator, [
      'cp',
      '-r',
      '--exclude',
      '/app/',
      '--exclude',
      'build/',
      '--exclude',
      '*.{log,bin}',
      'p:/down1/',
      target,
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(await localPaths(target)).toEqual(['a.txt', 'empty/', 'lib/', 'node_modules/', 'node_modules/x.js', 'old.txt']);
    expect(await readFile(join(target, 'a.txt'), 'utf8')).toBe('a');
    const rooted = await pcutil(fx.emulator, ['cp', '-r', '--include', '/*.txt', 'p:/down1', join(root, 'back2')]);
    expect(rooted.code, rooted.stderr).toBe(0);
    expect(await localPaths(join(root, 'back2'))).toEqual(['down1/', 'down1/a.txt', 'down1/old.txt']);
  });
});

describe('cp -r on the server with filters', () => {
  it('copies only what the filters take, pCloud to pCloud, and leaves the source as it was', async () => {
    await seedRemoteTree(fx.emulator, '/srv1');
    const source = await remotePaths(fx.client, '/srv1');
    const run = await pcutil(fx.emulator, [
      'cp',
      '-r',
      '--json',
      '--exclude',
      'node_modules/',
      '--exclude',
      '*.log',
      'p:/srv1/',
      'p:/srv2',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout) as Summary).toMatchObject({ files: 7, filtered: 3, failed: 0 });
    expect(await remotePaths(fx.client, '/srv2')).toEqual([
      'a.txt',
      'app/',
      'app/cache/',
      'app/cache/c.tmp',
      'app/main.js',
      'big.bin',
      'build/',
      'build/out.js',
      'empty/',
      'lib/',
      'lib/build/',
      'lib/build/z.js',
      'old.txt',
    ]);
    expect(await remotePaths(fx.client, '/srv1')).toEqual(source);
  });
});

describe('dry runs reflect the filter', () => {
  it('-d prints no cp line for what is left out and counts it; -v lists it; --json lists it; nothing changes', async () => {
    const root = await writeLocalTree();
    const before = await remoteSnapshot(fx.client);
    const plain = await pcutil(fx.emulator, [
      'cp',
      '-d',
      '-r',
      '--exclude',
      'node_modules/',
      '--exclude',
      '*.log',
      `${join(root, 'src')}/`,
      'p:/dry1',
    ]);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toContain(`cp ${join(root, 'src', 'a.txt')} p:/dry1/a.txt`);
    expect(plain.stdout).not.toMatch(/node_modules|b\.log/);
    expect(plain.stderr).toBe('pcutil: 3 item(s) filtered, not copied (-v lists them)\n');
    const listed = await pcutil(fx.emulator, [
      '-v',
      'cp',
      '-d',
      '-r',
      '--exclude',
      'node_modules/',
      '--exclude',
      '*.log',
      `${join(root, 'src')}/`,
      'p:/dry1',
    ]);
    expect(listed.stdout).toContain(`filtered ${join(root, 'src', 'node_modules')}/\n`);
    expect(listed.stdout).toContain(`filtered ${join(root, 'src', 'app', 'node_modules')}/\n`);
    expect(listed.stdout).toContain(`filtered ${join(root, 'src', 'b.log')}\n`);
    const json = await pcutil(fx.emulator, ['cp', '-d', '--json', '-r', '--exclude', '*.log', `${join(root, 'src')}/`, 'p:/dry1']);
    const plan = JSON.parse(json.stdout) as { plan: Array<{ action: string; path?: string; from?: string; kind?: string }> };
    expect(plan.plan.filter((step) => step.action === 'filtered')).toEqual([
      { action: 'filtered', path: join(root, 'src', 'b.log'), kind: 'file' },
    ]);
    expect(plan.plan.some((step) => step.from?.endsWith('b.log'))).toBe(false);
    expect(await remoteSnapshot(fx.client)).toEqual(before);
  });
});

describe('bad filters: one line, exit 2, nothing done', () => {
  const cases: Array<[string[], RegExp]> = [
    [['--exclude', 'a[b'], /^pcutil: --exclude: bad pattern "a\[b": a \[ without its \]$/m],
    [['--exclude-from', '/nonexistent/rules.txt'], /^pcutil: cannot read --exclude-from \/nonexistent\/rules\.txt: no such file$/m],
    [['--filter-from', '/nonexistent/rules.txt'], /^pcutil: cannot read --filter-from \/nonexistent\/rules\.txt: no such file$/m],
    [['--max-age', 'yesterday'], /^pcutil: --max-age "yesterday" is not a time: use a duration/m],
    [['--max-size', '10'], /^pcutil: --max-size "10" is not a size: use a size with its unit/m],
    [['--filter', '* x'], /^pcutil: --filter: "\* x" is not a rule/m],
    [['--include', '*.jpg', '--exclude', '*.png'], /^pcutil: --include and --exclude cannot be mixed/m],
  ];
  for (const [args, message] of cases) {
    it(args.join(' '), async () => {
      const root = await writeLocalTree();
      const before = await remoteSnapshot(fx.client);
      const run = await pcutil(fx.emulator, ['cp', '-r', ...args, join(root, 'src'), 'p:/bad']);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr.split('\n')[0]).toMatch(message);
      expect(await remoteSnapshot(fx.client)).toEqual(before);
    });
  }

  it('a bad rule in a rules file names the file and its line', async () => {
    const root = await writeLocalTree();
    const rules = join(root, 'bad.rules');
    await writeFile(rules, '# fine so far\n- *.log\n\n+ {a,b\n');
    const before = await remoteSnapshot(fx.client);
    const run = await pcutil(fx.emulator, ['cp', '-r', '--filter-from', rules, join(root, 'src'), 'p:/badfile']);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe(`pcutil: --filter-from ${rules} line 4: bad pattern "{a,b": a { without its }`);
    const excludes = join(root, 'bad.excludes');
    await writeFile(excludes, '*.tmp\nx]\n');
    const exclude = await pcutil(fx.emulator, ['cp', '-r', '--exclude-from', excludes, join(root, 'src'), 'p:/badfile']);
    expect(exclude.code).toBe(2);
    expect(exclude.stderr.split('\n')[0]).toBe(`pcutil: --exclude-from ${excludes} line 2: bad pattern "x]": a ] without its [`);
    expect(await remoteSnapshot(fx.client)).toEqual(before);
  });

  it('a filter without -r is refused: it would choose nothing', async () => {
    const root = await writeLocalTree();
    const run = await pcutil(fx.emulator, ['cp', '--exclude', '*.txt', join(root, 'src', 'a.txt'), 'p:/norec/']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^pcutil: --exclude chooses what is inside folders: it needs -r$/m);
  });
});
