import { describe, expect, it } from 'vitest';
import { assembleCopyPlan } from '../../src/plan/assemble-copy-plan.js';
import { skipUnchanged, updateCandidates } from '../../src/plan/apply-update.js';
import { formatStep } from '../../src/plan/format-step.js';
import { planTarget } from '../../src/plan/plan-target.js';
import type { Entry, FileEntry, FolderEntry, Loc } from '../../src/plan/types.js';
import { file, folder, local, plain, recursive, remote } from './fixtures.js';

const target = (from: Loc, entry: FileEntry | FolderEntry, to: Loc) => ({ from, entry, to, mayExist: true });
const lines = (steps: ReturnType<typeof planTarget>) =>
  steps.map((step) => formatStep(step) ?? `! ${step.op === 'problem' ? step.message : ''}`);

const tree = folder('a', [folder('sub', [file('z.bin'), folder('deep', [file('d')])]), file('b.txt'), file('a.txt'), folder('empty', [])]);

describe('planTarget: files', () => {
  it('copies a file to a new place', () => {
    expect(lines(planTarget(target(local('/h/x'), file('x'), remote('/x')), undefined, plain))).toEqual(['cp /h/x p:/x']);
  });

  it('replaces an existing file by default and remembers it', () => {
    const steps = planTarget(target(local('/h/x'), file('x', 5), remote('/x')), file('x', 9), plain);
    expect(steps).toEqual([{ op: 'copy', from: local('/h/x'), to: remote('/x'), source: file('x', 5), existing: file('x', 9) }]);
  });

  it('skips an existing file with -n', () => {
    const steps = planTarget(target(local('/h/x'), file('x'), remote('/x')), file('x'), { ...plain, noClobber: true });
    expect(lines(steps)).toEqual(['skip p:/x: exists, not replaced (-n)']);
  });

  it('refuses to replace a local folder with a file', () => {
    const steps = planTarget(target(remote('/x'), file('x'), local('/h/x')), folder('x', []), plain);
    expect(lines(steps)).toEqual(['! /h/x is a folder; cannot replace it with the file p:/x']);
  });
});

describe('planTarget: folder trees', () => {
  it('creates every folder before its files, files first, names sorted (upload: mkfolder)', () => {
    expect(lines(planTarget(target(local('/h/a'), tree, remote('/d/a')), undefined, recursive))).toEqual([
      'mkfolder p:/d/a',
      'cp /h/a/a.txt p:/d/a/a.txt',
      'cp /h/a/b.txt p:/d/a/b.txt',
      'mkfolder p:/d/a/empty',
      'mkfolder p:/d/a/sub',
      'cp /h/a/sub/z.bin p:/d/a/sub/z.bin',
      'mkfolder p:/d/a/sub/deep',
      'cp /h/a/sub/deep/d p:/d/a/sub/deep/d',
    ]);
  });

  it('downloads with mkdir lines', () => {
    expect(lines(planTarget(target(remote('/a'), folder('a', [file('f')]), local('/h/a')), undefined, recursive))).toEqual([
      'mkdir /h/a',
      'cp p:/a/f /h/a/f',
    ]);
  });

  it('merges into an existing folder, creating only what is missing', () => {
    const existing = folder('a', [folder('sub', [file('z.bin')]), file('a.txt')]);
    expect(lines(planTarget(target(local('/h/a'), tree, remote('/a')), existing, recursive))).toEqual([
      'cp /h/a/a.txt p:/a/a.txt',
      'cp /h/a/b.txt p:/a/b.txt',
      'mkfolder p:/a/empty',
      'cp /h/a/sub/z.bin p:/a/sub/z.bin',
      'mkfolder p:/a/sub/deep',
      'cp /h/a/sub/deep/d p:/a/sub/deep/d',
    ]);
  });

  it('on pCloud a same-named file and folder live side by side', () => {
    const existing = folder('a', [file('sub'), folder('a.txt', [])]);
    const steps = planTarget(target(local('/h/a'), folder('a', [file('a.txt'), folder('sub', [])]), remote('/a')), existing, recursive);
    expect(lines(steps)).toEqual(['cp /h/a/a.txt p:/a/a.txt', 'mkfolder p:/a/sub']);
    expect(steps[0]).toMatchObject({ existing: undefined });
  });

  it('on a local disk a same-named file and folder clash, reported per item', () => {
    const existing = folder('a', [file('sub'), folder('a.txt', [])]);
    const steps = planTarget(
      target(remote('/a'), folder('a', [file('a.txt'), folder('sub', [file('q')]), file('ok')]), local('/h/a')),
      existing,
      recursive,
    );
    expect(lines(steps)).toEqual([
      '! /h/a/a.txt is a folder; cannot replace it with the file p:/a/a.txt',
      'cp p:/a/ok /h/a/ok',
      '! /h/a/sub is a file; cannot copy the folder p:/a/sub onto it',
    ]);
  });

  it('reports walk problems and refused names, and copies the rest', () => {
    const source = folder('a', [
      { kind: 'problem', name: 'pipe', message: 'not a regular file or folder; skipped', severity: 'warning' },
      file('back\\slash'),
      folder('x'.repeat(1024), [file('never')]),
      file('fine'),
    ]);
    const steps = planTarget(target(local('/h/a'), source, remote('/a')), undefined, recursive);
    expect(lines(steps)).toEqual([
      'mkfolder p:/a',
      '! /h/a/back\\slash: pCloud refuses a backslash in the name "back\\slash"',
      'cp /h/a/fine p:/a/fine',
      '! /h/a/pipe: not a regular file or folder; skipped',
      `! /h/a/${'x'.repeat(1024)}: pCloud refuses a name of 1024 bytes (pCloud allows at most 1023 UTF-8 bytes): "${'x'.repeat(40)}…"`,
    ]);
    expect(steps.filter((s) => s.op === 'problem').map((s) => (s.op === 'problem' ? s.severity : ''))).toEqual([
      'error',
      'warning',
      'error',
    ]);
  });

  it('refuses a folder whose own destination on pCloud is a file, as the original does', () => {
    const steps = planTarget(target(local('/h/a'), folder('a', [file('f')]), remote('/d/a')), file('a'), recursive);
    expect(lines(steps)).toEqual(['! p:/d/a is a file; cannot copy the folder /h/a onto it']);
  });

  it('refuses names from pCloud that are no plain names, wherever they would land, and copies the rest', () => {
    const hostile = folder('e', [
      file('../x'),
      file('a/b'),
      file('..'),
      file('.'),
      file(''),
      file('n\u0000ul'),
      file('b\\s'),
      folder('..', [file('pwned')]),
      file('ok'),
    ]);
    const down = lines(planTarget(target(remote('/e'), hostile, local('/h/e')), undefined, recursive));
    expect(down).toEqual([
      'mkdir /h/e',
      '! p:/e/: not copied: pCloud sent an unsafe name (an empty name)',
      '! p:/e/.: not copied: pCloud sent an unsafe name (the name ".")',
      '! p:/e/..: not copied: pCloud sent an unsafe name (the name "..")',
      '! p:/e/../x: not copied: pCloud sent an unsafe name (a slash in the name)',
      '! p:/e/a/b: not copied: pCloud sent an unsafe name (a slash in the name)',
      '! p:/e/b\\s: not copied: pCloud sent an unsafe name (a backslash in the name)',
      '! p:/e/n\\x00ul: not copied: pCloud sent an unsafe name (a NUL character in the name)',
      'cp p:/e/ok /h/e/ok',
      '! p:/e/..: not copied: pCloud sent an unsafe name (the name "..")',
    ]);
    const serverSide = lines(planTarget(target(remote('/e'), hostile, remote('/d/e')), undefined, recursive));
    expect(serverSide.filter((line) => line.startsWith('!'))).toHaveLength(8);
    expect(serverSide.filter((line) => !line.startsWith('!'))).toEqual(['mkfolder p:/d/e', 'cp p:/e/ok p:/d/e/ok']);
  });

  it('downloads names pCloud accepts even when they would be refused uploading', () => {
    const steps = planTarget(target(remote('/a'), folder('a', [file('q&a #1 %+?.txt')]), local('/h/a')), undefined, recursive);
    expect(lines(steps)).toEqual(['mkdir /h/a', 'cp p:/a/q&a #1 %+?.txt /h/a/q&a #1 %+?.txt']);
  });

  it('with -n skips every existing file in the tree', () => {
    const existing = folder('a', [file('a.txt'), folder('sub', [file('z.bin')])]);
    const steps = planTarget(target(local('/h/a'), tree, remote('/a')), existing, { ...recursive, noClobber: true });
    expect(steps.filter((s) => s.op === 'skip').map((s) => formatStep(s))).toEqual([
      'skip p:/a/a.txt: exists, not replaced (-n)',
      'skip p:/a/sub/z.bin: exists, not replaced (-n)',
    ]);
  });
});

describe('-u: skip what is unchanged', () => {
  it('offers only same-size existing files for a checksum comparison, then skips the identical ones', () => {
    const existing = folder('a', [file('a.txt', 3), file('b.txt', 99), folder('sub', [file('z.bin', 3)])]);
    const steps = planTarget(target(local('/h/a'), tree, remote('/a')), existing, { ...recursive, update: true });
    const candidates = updateCandidates(steps);
    expect(candidates.map((c) => c.to.path)).toEqual(['/a/a.txt', '/a/sub/z.bin']);
    const same = new Set(candidates.filter((c) => c.to.path === '/a/a.txt'));
    const final = skipUnchanged(steps, same).map((s) => formatStep(s));
    expect(final).toContain('skip p:/a/a.txt: same size and checksum (-u)');
    expect(final).toContain('cp /h/a/sub/z.bin p:/a/sub/z.bin');
    expect(final).toContain('cp /h/a/b.txt p:/a/b.txt');
  });
});

describe('assembleCopyPlan', () => {
  it('puts problems first, then the prelude, then each target against its existing entry', () => {
    const existing: Array<Entry | undefined> = [undefined, file('y', 1)];
    const steps = assembleCopyPlan(
      {
        problems: [{ op: 'problem', at: local('/gone'), message: '/gone: no such file or folder', severity: 'error' }],
        prelude: [{ op: 'mkdir', at: remote('/d') }],
        targets: [target(local('/h/x'), file('x'), remote('/d/x')), target(local('/h/y'), file('y'), remote('/d/y'))],
      },
      existing,
      { ...plain, noClobber: true },
    );
    expect(lines(steps)).toEqual([
      '! /gone: no such file or folder',
      'mkfolder p:/d',
      'cp /h/x p:/d/x',
      'skip p:/d/y: exists, not replaced (-n)',
    ]);
  });
});
