import { describe, expect, it } from 'vitest';
import { compareFiles } from '../../src/plan/compare-files.js';
import { formatStep } from '../../src/plan/format-step.js';
import { deletionCount, planSync, type SyncPlan, type SyncTrees } from '../../src/plan/plan-sync.js';
import type { Entry, FileEntry, FolderEntry, Loc } from '../../src/plan/types.js';
import { PASS_EVERYTHING, type PathFilter } from '../../src/sync/path-filter.js';
import { file, folder, local, remote } from './fixtures.js';

const up = (source: FolderEntry, existing: FolderEntry | undefined, from: Loc = local('/h/a'), to: Loc = remote('/d/a')): SyncTrees => ({
  from,
  source,
  to,
  existing,
  prelude: [],
});
const options = { compare: 'size-time' as const, delete: false, filter: PASS_EVERYTHING };
const lines = (plan: SyncPlan): string[] => [
  ...plan.steps.map((step) => formatStep(step) ?? `! ${step.op === 'problem' ? step.message : ''}`),
  ...plan.deletions.map((step) => formatStep(step) ?? ''),
];
const withId = (entry: FileEntry, id: number, hash?: bigint): FileEntry => ({ ...entry, id, ...(hash === undefined ? {} : { hash }) });

/** A filter that leaves out the files and folders whose path `excluded` names. */
const leaveOut = (...excluded: string[]): PathFilter => ({
  includes: (path) => !excluded.includes(path),
  descends: (path) => !excluded.includes(path),
  active: true,
});

describe('compareFiles', () => {
  it('tells size first, then time; --size-only ignores time; --checksum leaves same sizes to the digests', () => {
    expect(compareFiles(file('x', 3, 10), file('x', 4, 10), 'size-time')).toBe('size');
    expect(compareFiles(file('x', 3, 10), file('x', 3, 11), 'size-time')).toBe('time');
    expect(compareFiles(file('x', 3, 10), file('x', 3, 10), 'size-time')).toBe('same');
    expect(compareFiles(file('x', 3, 10), file('x', 3, 11), 'size')).toBe('same');
    expect(compareFiles(file('x', 3, 10), file('x', 4, 10), 'checksum')).toBe('size');
    expect(compareFiles(file('x', 3, 10), file('x', 3, 10), 'checksum')).toBe('checksum');
    // Two pCloud files with the same content hash need no digest.
    expect(compareFiles(withId(file('x', 3, 10), 1, 7n), withId(file('x', 3, 99), 2, 7n), 'checksum')).toBe('same');
    expect(compareFiles(withId(file('x', 3, 10), 1, 7n), withId(file('x', 3, 10), 2, 8n), 'checksum')).toBe('checksum');
  });
});

describe('planSync', () => {
  const source = folder('a', [
    file('new.txt'),
    file('same.txt', 3, 100),
    file('bigger.txt', 9, 100),
    file('touched.txt', 3, 200),
    folder('sub', [file('s.txt')]),
    folder('empty', []),
  ]);
  const existing = folder('a', [
    file('same.txt', 3, 100),
    file('bigger.txt', 3, 100),
    file('touched.txt', 3, 100),
    folder('sub', [file('s.txt'), file('old.txt')]),
    file('gone.txt'),
    folder('gone', [file('g1'), folder('g2', [file('g3')])]),
  ]);

  it('copies what is new or different (saying why), skips what is unchanged, creates folders, and deletes nothing without --delete', () => {
    const plan = planSync(up(source, existing), options);
    expect(lines(plan)).toEqual([
      'cp /h/a/bigger.txt p:/d/a/bigger.txt (size)',
      'cp /h/a/new.txt p:/d/a/new.txt (new)',
      'skip p:/d/a/same.txt: unchanged',
      'cp /h/a/touched.txt p:/d/a/touched.txt (time)',
      'mkfolder p:/d/a/empty',
      'skip p:/d/a/sub/s.txt: unchanged',
    ]);
    expect(plan.onlyInDest).toBe(3);
    expect(plan.deletions).toEqual([]);
  });

  it('with --delete removes files, and folders whole (by id, counting what they hold)', () => {
    const plan = planSync(up(source, { ...existing, children: [...existing.children!, withId(file('byid'), 42)] }), {
      ...options,
      delete: true,
    });
    expect(plan.deletions.map((step) => [formatStep(step), step.items, step.id])).toEqual([
      ['rm p:/d/a/sub/old.txt', 1, undefined],
      ['rm p:/d/a/byid', 1, 42],
      ['rm p:/d/a/gone.txt', 1, undefined],
      ['rm -r p:/d/a/gone', 4, undefined],
    ]);
    expect(deletionCount(plan.deletions)).toBe(7);
    expect(plan.onlyInDest).toBe(0);
  });

  it('plans everything when DEST has nothing yet, after the prelude', () => {
    const plan = planSync(
      { ...up(folder('a', [file('x'), folder('f', [])]), undefined), prelude: [{ op: 'mkdir', at: remote('/d') }] },
      options,
    );
    expect(lines(plan)).toEqual(['mkfolder p:/d', 'mkfolder p:/d/a', 'cp /h/a/x p:/d/a/x (new)', 'mkfolder p:/d/a/f']);
  });

  it('downloads into a local folder the same way (mkdir), and a renamed folder is a new one plus a deletion', () => {
    const from = remote('/p/a');
    const to = local('/h/a');
    const plan = planSync(up(folder('a', [folder('renamed', [file('k')])]), folder('a', [folder('before', [file('k')])]), from, to), {
      ...options,
      delete: true,
    });
    expect(lines(plan)).toEqual(['mkdir /h/a/renamed', 'cp p:/p/a/renamed/k /h/a/renamed/k (new)', 'rm -r /h/a/before']);
  });

  it('on pCloud, a file and a folder of one name are two items; on a disk they clash', () => {
    const sourceTree = folder('a', [file('x')]);
    const remotePlan = planSync(up(sourceTree, folder('a', [folder('x', [])])), { ...options, delete: true });
    expect(lines(remotePlan)).toEqual(['cp /h/a/x p:/d/a/x (new)', 'rm -r p:/d/a/x']);
    const localPlan = planSync(up(folder('a', [file('x')]), folder('a', [folder('x', [file('inside')])]), remote('/p/a'), local('/h/a')), {
      ...options,
      delete: true,
    });
    expect(lines(localPlan)).toEqual(['! /h/a/x is a folder; cannot replace it with the file p:/p/a/x']);
  });

  it('never deletes what the filters leave out, nor what a left-out SOURCE item shares a name with', () => {
    const src = folder('a', [file('keep.log', 5), file('big.bin', 3, 1)]);
    const dest = folder('a', [
      file('keep.log'),
      file('big.bin', 99, 1),
      file('extra.log'),
      folder('cache', [file('c1'), file('c2')]),
      folder('mixed', [file('drop'), file('m.tmp')]),
    ]);
    const filter = leaveOut('keep.log', 'extra.log', 'cache', 'mixed/m.tmp');
    const plan = planSync(up(src, dest), { ...options, delete: true, filter });
    expect(lines(plan)).toEqual(['cp /h/a/big.bin p:/d/a/big.bin (size)', 'rm p:/d/a/mixed/drop']);
    expect(plan.filtered).toBe(1);
  });

  it('refuses to delete anything when a folder of either side could not be read', () => {
    const unreadable: Entry = { kind: 'problem', name: 'locked', message: 'permission denied', severity: 'error' };
    const fromSource = planSync(up(folder('a', [unreadable]), folder('a', [file('x')])), { ...options, delete: true });
    expect(fromSource.deleteBlocked).toBe('/h/a/locked could not be read');
    const fromDest = planSync(up(folder('a', []), folder('a', [unreadable, file('x')]), remote('/p/a'), local('/h/a')), {
      ...options,
      delete: true,
    });
    expect(fromDest.deleteBlocked).toBe('/h/a/locked could not be read');
    // A link not followed is a warning: its namesake stays, the rest may go.
    const link: Entry = { kind: 'problem', name: 'linked', message: 'not followed', severity: 'warning', linkNotFollowed: true };
    const withLink = planSync(up(folder('a', [link]), folder('a', [folder('linked', []), file('x')])), { ...options, delete: true });
    expect(withLink.deleteBlocked).toBeUndefined();
    expect(withLink.deletions.map((step) => formatStep(step))).toEqual(['rm p:/d/a/x']);
  });

  it('sweeps the temporary files of its own files, never syncs temporary files, and deletes others only with --delete', () => {
    const leftover = '.x.pcloud-partial-0123456789ab';
    const stray = '.gone.pcloud-partial-0123456789ab';
    const plan = planSync(
      up(
        folder('a', [file('x'), file('.y.pcloud-partial-aaaaaaaaaaaa')]),
        folder('a', [file('x'), withId(file(leftover), 5), file(stray)]),
      ),
      options,
    );
    expect(plan.leftovers).toEqual([{ at: remote(`/d/a/${leftover}`), id: 5 }]);
    expect(lines(plan)).toEqual(['skip p:/d/a/x: unchanged']);
    expect(plan.onlyInDest).toBe(1);
  });

  it('refuses names from pCloud that are no plain names, and names pCloud would refuse', () => {
    const plan = planSync(up(folder('a', [file('../up'), file('ok')]), undefined, remote('/p/a'), local('/h/a')), options);
    expect(lines(plan)).toEqual([
      'mkdir /h/a',
      '! p:/p/a/../up: not copied: pCloud sent an unsafe name (a slash in the name)',
      'cp p:/p/a/ok /h/a/ok (new)',
    ]);
    const refused = planSync(up(folder('a', [file('a\\b')]), undefined), options);
    expect(lines(refused)[1]).toMatch(/^! \/h\/a\/a\\b: pCloud refuses a backslash/);
  });
});
