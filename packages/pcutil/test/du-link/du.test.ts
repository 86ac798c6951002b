import { getUserInfo } from '@pcloud/core/internal';
import { describe, expect, it } from 'vitest';
import { useEmulator } from '../support/emulator.js';
import { pcutil } from '../support/run-pcutil.js';
import { daysAgo } from '../filters/tree-fixture.js';

const fx = useEmulator();

interface UsageJson {
  usage: Array<{ path: string; files: number; folders: number; bytes: number; filtered?: number }>;
  quota?: { used: number; total: number };
}

/** A known tree: /du/a (2 files, 1500 bytes), /du/a/deep (1 file, 2048 bytes), /du/b (empty), /du/top.txt (10 bytes). */
async function seedKnownTree(base: string): Promise<void> {
  await fx.emulator.seedFile(`${base}/a/one.jpg`, 'x'.repeat(1000), daysAgo(1));
  await fx.emulator.seedFile(`${base}/a/two.log`, 'y'.repeat(500), daysAgo(40));
  await fx.emulator.seedFile(`${base}/a/deep/three.jpg`, 'z'.repeat(2048), daysAgo(1));
  fx.emulator.seedFolder(`${base}/b`);
  await fx.emulator.seedFile(`${base}/top.txt`, 'q'.repeat(10), daysAgo(1));
}

describe('du', () => {
  it('adds up every folder below PATH, deepest first, then PATH itself', async () => {
    await seedKnownTree('/du1');
    const run = await pcutil(fx.emulator, ['du', 'p:/du1']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(
      [
        '  2.00 KiB  1 file, 0 folders  p:/du1/a/deep',
        '  3.46 KiB  3 files, 1 folder  p:/du1/a',
        '       0 B  0 files, 0 folders  p:/du1/b',
        '  3.47 KiB  4 files, 3 folders  p:/du1',
        '',
      ].join('\n'),
    );
  });

  it('-s prints one total per PATH; --json gives exact bytes; a file counts as itself', async () => {
    await seedKnownTree('/du2');
    const run = await pcutil(fx.emulator, ['du', '-s', '--json', 'du2/a', 'p:/du2/top.txt']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout) as UsageJson).toEqual({
      usage: [
        { path: '/du2/a', files: 3, folders: 1, bytes: 3548 },
        { path: '/du2/top.txt', files: 1, folders: 0, bytes: 10 },
      ],
    });
    const text = await pcutil(fx.emulator, ['du', '-s', 'p:/du2']);
    expect(text.stdout).toBe('  3.47 KiB  4 files, 3 folders  p:/du2\n');
  });

  it('filters apply: only what they take is counted, and the total says how many they left out', async () => {
    await seedKnownTree('/du3');
    const pictures = await pcutil(fx.emulator, ['du', '-s', '--json', '--include', '*.jpg', 'p:/du3']);
    expect(pictures.code, pictures.stderr).toBe(0);
    // two.log and top.txt are left out, and b/, which holds nothing taken.
    expect((JSON.parse(pictures.stdout) as UsageJson).usage).toEqual([{ path: '/du3', files: 2, folders: 2, bytes: 3048, filtered: 3 }]);
    const recent = await pcutil(fx.emulator, ['du', '-s', '--max-age', '7d', '--exclude', 'deep/', 'p:/du3']);
    expect(recent.stdout).toBe('    1010 B  2 files, 2 folders  p:/du3 (2 filtered)\n');
  });

  it('with no PATH, measures the whole account and shows its quota, used and total', async () => {
    await seedKnownTree('/du4');
    const info = await getUserInfo(fx.client);
    const run = await pcutil(fx.emulator, ['du', '-s', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const answer = JSON.parse(run.stdout) as UsageJson;
    expect(answer.quota).toEqual({ used: info.usedquota, total: info.quota });
    expect(answer.usage).toHaveLength(1);
    expect(answer.usage[0]?.path).toBe('/');
    expect(answer.usage[0]?.bytes).toBe(info.usedquota);
    const text = await pcutil(fx.emulator, ['du', '-s']);
    expect(text.stdout.split('\n')[1]).toMatch(/^quota: \S+ \S+ used of \S+ \S+ \(\d+%\), \S+ \S+ free$/);
  });

  it('a missing PATH is reported on its own line and the others are still measured; exit 1', async () => {
    await seedKnownTree('/du5');
    const run = await pcutil(fx.emulator, ['du', '-s', 'p:/du5/b', 'p:/du5/nothing']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('       0 B  0 files, 0 folders  p:/du5/b\n');
    expect(run.stderr).toBe('pcutil: p:/du5/nothing: no such file or folder\n');
  });
});
