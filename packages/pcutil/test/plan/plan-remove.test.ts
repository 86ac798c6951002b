import { describe, expect, it } from 'vitest';
import { formatRemovedCounts, formatStep } from '../../src/plan/format-step.js';
import { planRemove } from '../../src/plan/plan-remove.js';
import { file, folder, local, remote } from './fixtures.js';

const show = (steps: ReturnType<typeof planRemove>) => steps.map((s) => formatStep(s) ?? `! ${s.op === 'problem' ? s.message : ''}`);

describe('planRemove', () => {
  it('removes a file and an empty folder without -r', () => {
    const steps = planRemove(
      [
        { loc: remote('/f'), entry: file('f', 1, 0, 7) },
        { loc: remote('/e'), entry: folder('e', []) },
      ],
      { recursive: false },
    );
    expect(show(steps)).toEqual(['rm p:/f', 'rm p:/e']);
    expect(steps[0]).toMatchObject({ what: 'file', id: 7 });
    expect(steps[1]).toMatchObject({ what: 'folder' });
  });

  it('needs -r for a non-empty folder, and reports the others as usual', () => {
    const steps = planRemove(
      [
        { loc: remote('/full'), entry: folder('full', [file('x')]) },
        { loc: remote('/f'), entry: file('f') },
      ],
      { recursive: false },
    );
    expect(show(steps)).toEqual(['! p:/full: folder is not empty; use -r to remove it and everything in it', 'rm p:/f']);
  });

  it('removes folders as trees with -r, and files as files', () => {
    const steps = planRemove(
      [
        { loc: remote('/full'), entry: folder('full', [file('x')]) },
        { loc: remote('/f'), entry: file('f') },
      ],
      { recursive: true },
    );
    expect(show(steps)).toEqual(['rm -r p:/full', 'rm p:/f']);
  });

  it('reports a missing path and proceeds with the others', () => {
    const steps = planRemove(
      [
        { loc: remote('/gone'), entry: undefined },
        { loc: remote('/f'), entry: file('f') },
      ],
      { recursive: false },
    );
    expect(show(steps)).toEqual(['! p:/gone: no such file or folder', 'rm p:/f']);
  });

  it('refuses the root, with or without -r', () => {
    for (const recursive of [false, true]) {
      expect(show(planRemove([{ loc: remote('/'), entry: folder('/', []) }], { recursive }))).toEqual([
        '! refusing to remove the pCloud root folder (p:/)',
      ]);
    }
  });

  it('refuses a local path', () => {
    expect(show(planRemove([{ loc: local('/tmp/x'), entry: file('x') }], { recursive: false }))).toEqual([
      '! /tmp/x: rm only removes pCloud files and folders',
    ]);
  });

  it('prints the -r count line as the original does', () => {
    expect(formatRemovedCounts('p:/tmp', 3, 12)).toBe('p:/tmp: 3 folder(s), 12 file(s) deleted.');
  });
});
