import { findRemote } from '../../src/remote/remote-tree.js';
import { planRemove } from '../../src/plan/plan-remove.js';
import { createPathFilter } from '../../src/filter/path-filter.js';
import { executeRemove } from '../../src/remove/execute-remove.js';
import { describe, expect, it } from 'vitest';
import { useEmulator } from '../support/emulator.js';
import { pcutil } from '../support/run-pcutil.js';
import { remoteSnapshot } from '../support/snapshot.js';
import { remotePaths, seedRemoteTree } from './tree-fixture.js';

const fx = useEmulator();

describe('ls with filters shows what cp -r would copy', () => {
  it('-R drops excluded files and folders, and folders left with nothing selected', async () => {
    await seedRemoteTree(fx.emulator, '/ls1');
    const run = await pcutil(fx.emulator, ['ls', '-R', '--include', '*.js', '--exclude-from', '/dev/null', 'p:/ls1']);
    expect(run.code).toBe(2);
    const listed = await pcutil(fx.emulator, [
      'ls',
      '-R',
      '--filter',
      '- node_modules/',
      '--filter',
      '+ *.js',
      '--filter',
      '- **',
      'p:/ls1',
    ]);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toBe(
      [
        'p:/ls1:',
        'app/',
        'build/',
        'lib/',
        '',
        'p:/ls1/app:',
        'main.js',
        '',
        'p:/ls1/build:',
        'out.js',
        '',
        'p:/ls1/lib:',
        'build/',
        '',
        'p:/ls1/lib/build:',
        'z.js',
        '',
      ].join('\n'),
    );
  });

  it('--json rows and a single level (no -R) are filtered too; ages and sizes apply', async () => {
    await seedRemoteTree(fx.emulator, '/ls2');
    const json = await pcutil(fx.emulator, ['ls', '-R', '--json', '--min-size', '1K', 'p:/ls2']);
    const rows = JSON.parse(json.stdout) as Array<{ path: string; type: string }>;
    expect(rows.filter((row) => row.type === 'file').map((row) => row.path)).toEqual(['/ls2/big.bin']);
    const level = await pcutil(fx.emulator, ['ls', '--exclude', '/app/', '--exclude', '*.{log,bin}', '--max-age', '1w', 'p:/ls2']);
    expect(level.stdout).toBe(['build/', 'empty/', 'lib/', 'node_modules/', 'a.txt', ''].join('\n'));
  });
});

describe('rm -r with filters', () => {
  it('deletes only the files taken, and folders only when nothing is left in them; PATH stays', async () => {
    await seedRemoteTree(fx.emulator, '/rm1');
    const run = await pcutil(fx.emulator, ['rm', '-r', '--exclude', '*.js', 'p:/rm1']);
    expect(run.code, run.stderr).toBe(0);
    // Left: every .js file and the folders holding them; app/cache (only c.tmp) and empty/ went.
    expect(await remotePaths(fx.client, '/rm1')).toEqual([
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
    expect(run.stdout).toBe('p:/rm1: 2 folder(s), 5 file(s) deleted; 5 filtered.\n');
  });

  it('judges a file named on the command line too: one the filters leave out is not deleted', async () => {
    await seedRemoteTree(fx.emulator, '/rm6');
    const run = await pcutil(fx.emulator, ['rm', '-r', '--exclude', '*.txt', 'p:/rm6/a.txt', 'p:/rm6/b.log']);
    expect(run.code, run.stderr).toBe(0);
    const left = await remotePaths(fx.client, '/rm6');
    expect(left).toContain('a.txt');
    expect(left).not.toContain('b.log');
    const dry = await pcutil(fx.emulator, ['-v', 'rm', '-d', '-r', '--max-age', '7d', 'p:/rm6/old.txt']);
    expect(dry.stdout).toBe('filtered p:/rm6/old.txt\n');
  });

  it('with --include, folders are not selected themselves: they stay, emptied', async () => {
    await seedRemoteTree(fx.emulator, '/rm2');
    const run = await pcutil(fx.emulator, ['rm', '-r', '--include', '*.tmp', '--include', '/b.log', 'p:/rm2']);
    expect(run.code, run.stderr).toBe(0);
    const left = await remotePaths(fx.client, '/rm2');
    expect(left).toContain('app/cache/');
    expect(left).toContain('empty/');
    expect(left).not.toContain('app/cache/c.tmp');
    expect(left).not.toContain('b.log');
    // 18 items, less the two files.
    expect(left).toHaveLength(16);
  });

  it('an excluded folder (PATTERN/) keeps everything in it, and its parents', async () => {
    await seedRemoteTree(fx.emulator, '/rm3');
    const run = await pcutil(fx.emulator, ['rm', '-r', '--json', '--exclude', 'cache/', '--min-age', '1w', 'p:/rm3']);
    expect(run.code, run.stderr).toBe(0);
    const outcome = JSON.parse(run.stdout) as { removed: Array<{ path: string; type: string }>; filtered: number };
    // Ages judge files only: the empty folder is selected, and goes.
    expect(outcome.removed).toEqual([
      { path: 'p:/rm3/empty', type: 'folder' },
      { path: 'p:/rm3/old.txt', type: 'file' },
    ]);
    expect(outcome.filtered).toBe(9);
    const left = await remotePaths(fx.client, '/rm3');
    expect(left).toContain('app/cache/c.tmp');
    expect(left).toContain('a.txt');
  });

  it('-d changes nothing and shows the deletions; -v also what the filter leaves alone', async () => {
    await seedRemoteTree(fx.emulator, '/rm4');
    const before = await remoteSnapshot(fx.client);
    const dry = await pcutil(fx.emulator, ['rm', '-d', '-r', '--exclude', '**/node_modules/**', '--exclude', '*.js', 'p:/rm4']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout.split('\n')).toEqual(
      expect.arrayContaining(['rm p:/rm4/a.txt', 'rm p:/rm4/app/cache/c.tmp', 'rm p:/rm4/app/cache', 'rm p:/rm4/empty']),
    );
    expect(dry.stdout).not.toMatch(/rm p:\/rm4\/(app|build|lib|node_modules)$/m);
    // As in rclone, **/node_modules/** needs a folder above node_modules: the top one is judged by *.js alone.
    expect(dry.stderr).toBe('pcutil: 5 item(s) filtered, left alone (-v lists them)\n');
    expect(dry.stdout).not.toContain('app/node_modules');
    const verbose = await pcutil(fx.emulator, ['-v', 'rm', '-d', '-r', '--exclude', '*.js', 'p:/rm4']);
    expect(verbose.stdout).toContain('filtered p:/rm4/lib/build/z.js\n');
    expect(await remoteSnapshot(fx.client)).toEqual(before);
  });

  it('never deletes a file that arrived in a folder after the listing: pCloud refuses to delete a folder that is not empty', async () => {
    await fx.emulator.seedFile('/rm5/sub/old.tmp', 'old');
    await fx.emulator.seedFile('/rm5/sub/new.txt', 'new');
    const planned = planRemove([{ loc: { side: 'remote', path: '/rm5' }, entry: await findRemote(fx.client, '/rm5', true) }], {
      recursive: true,
      filter: createPathFilter({ exclude: ['nothing'] }),
    });
    expect(planned.map((step) => (step.op === 'rm' ? `${step.what} ${step.at.path}` : step.op))).toEqual([
      'file /rm5/sub/new.txt',
      'file /rm5/sub/old.tmp',
      'folder /rm5/sub',
    ]);
    // Between the listing and the deletion a new file lands in sub/.
    await fx.emulator.seedFile('/rm5/sub/newer.txt', 'newer');
    const errors: string[] = [];
    const outcome = await executeRemove(async () => fx.client, planned, {
      say: () => undefined,
      complain: (line) => errors.push(line),
      verbose: false,
    });
    expect(outcome.removed.map((item) => item.path).sort()).toEqual(['p:/rm5/sub/new.txt', 'p:/rm5/sub/old.tmp']);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^p:\/rm5\/sub: /);
    expect(await remotePaths(fx.client, '/rm5')).toEqual(['sub/', 'sub/newer.txt']);
  });

  it('filters without -r are refused, as for cp', async () => {
    const run = await pcutil(fx.emulator, ['rm', '--max-age', '1d', 'p:/nothing']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^pcutil: --max-age chooses what is inside folders: it needs -r$/m);
  });
});
