import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { sweepPartialFiles } from '../../src/leftovers/sweep-partial.js';
import type { CopyPlanStep } from '../../src/plan/types.js';

const download = (remote: string, local: string): CopyPlanStep => ({
  op: 'copy',
  from: { side: 'remote', path: remote },
  to: { side: 'local', path: local },
  source: { kind: 'file', name: remote.split('/').pop() ?? '', size: 1, mtime: undefined },
  existing: undefined,
});

it("removes only the leftovers of the plan's own download targets", async () => {
  const dir = await mkdtemp(join(tmpdir(), 'pcutil-sweep-'));
  const names = [
    'a.txt',
    '.a.txt.pcloud-partial-0123456789ab',
    '.a.txt.pcloud-partial-ba9876543210',
    '.other.txt.pcloud-partial-0123456789ab',
    '.a.txt.pcloud-partial-notrandom',
    '.b.txt.pcloud-partial-0123456789ab',
    'd.txt',
    '.d.txt.pcloud-partial-00000000ffff',
  ];
  for (const name of names) await writeFile(join(dir, name), 'x');
  const steps: CopyPlanStep[] = [
    download('/r/a.txt', join(dir, 'a.txt')),
    { op: 'mkdir', at: { side: 'local', path: join(dir, 'new') } },
    download('/r/c.txt', join(dir, 'new', 'c.txt')),
    { op: 'skip', from: { side: 'remote', path: '/r/d.txt' }, to: { side: 'local', path: join(dir, 'd.txt') }, reason: 'same' },
    // An upload never writes here: its name's leftovers are not this run's.
    {
      ...download('/r/b.txt', join(dir, 'b.txt')),
      from: { side: 'local', path: join(dir, 'b.txt') },
      to: { side: 'remote', path: '/r/b.txt' },
    },
  ];
  expect(await sweepPartialFiles(steps)).toBe(3);
  expect((await readdir(dir)).sort()).toEqual([
    '.a.txt.pcloud-partial-notrandom',
    '.b.txt.pcloud-partial-0123456789ab',
    '.other.txt.pcloud-partial-0123456789ab',
    'a.txt',
    'd.txt',
  ]);
});
