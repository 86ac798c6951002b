import { describe, expect, it } from 'vitest';
import { createPathFilter, type FilterOptions } from '../../src/filter/path-filter.js';

const file = { kind: 'file' } as const;
const taken = (options: FilterOptions, path: string): boolean => createPathFilter(options).includes(path, file);

describe('rclone pattern examples (rclone.org/filtering, "Filter pattern examples")', () => {
  // Each row: pattern, paths it matches, paths it does not (rclone writes them with a leading /).
  const rows: Array<[string, string[], string[]]> = [
    ['*.jpg', ['file.jpg', 'dir/file.jpg'], ['file.png', 'dir/file.png']],
    ['/*.jpg', ['file.jpg', 'file2.jpg'], ['file.png', 'dir/file.jpg']],
    ['*.{jpg,png}', ['file.jpg', 'dir/file.png'], ['file.gif', 'dir/file.gif']],
    ['dir/**', ['dir/anyfile', 'subdir/dir/subsubdir/anyfile'], ['file.png', 'subdir/file.png']],
    ['*.t?t', ['file.txt', 'dir/file.tzt'], ['file.qxt', 'dir/file.png']],
    ['*.[a-z]', ['file.a', 'dir/file.b'], ['file.0', 'dir/file.1']],
    ['*.\\?\\?\\?', ['file.???', 'dir/file.???'], ['file.abc', 'dir/file.def']],
    ['*.\\d\\d\\d', ['file.012', 'dir/file.345'], ['file.abc', 'dir/file.def']],
    ['file.jpg', ['file.jpg', 'directory/file.jpg'], ['afile.jpg', 'directory/afile.jpg']],
    ['/file.jpg', ['file.jpg'], ['afile.jpg', 'directory/file.jpg']],
    ['potato', ['potato'], ['POTATO']],
  ];
  for (const [pattern, matches, misses] of rows) {
    it(`--exclude '${pattern}'`, () => {
      for (const path of matches) expect(taken({ exclude: [pattern] }, path), `${pattern} should match ${path}`).toBe(false);
      for (const path of misses) expect(taken({ exclude: [pattern] }, path), `${pattern} should not match ${path}`).toBe(true);
    });
  }
});

describe('** means any characters, / included, as rclone reads it', () => {
  const rows: Array<[string, string[], string[]]> = [
    // rclone: (^|/)a/.*/b$ needs a folder between a and b.
    ['a/**/b', ['a/x/b', 'a/x/y/b', 'z/a/x/b'], ['a/b', 'a/x/c']],
    // ^.*/b$: b below at least one folder, never b at the root.
    ['/**/b', ['x/b', 'x/y/b'], ['b']],
    ['**', ['a', 'a/b/c'], []],
    ['/**', ['a', 'a/b/c'], []],
    // Inside a name: foo.* crosses folders.
    ['foo**', ['foo', 'foobar', 'foo/x', 'a/foox/y'], ['afoo', 'a/xfoo']],
    ['**.jpg', ['a.jpg', 'x/y/a.jpg'], ['a.png']],
    ['/a**b', ['ab', 'axb', 'ax/yb', 'a/b'], ['ba', 'x/ab']],
    ['{dir1/**,dir2/**}', ['dir1/a', 'x/dir2/b/c'], ['dir3/a', 'dir1']],
    ['{A,B}/**', ['A/x', 'B/y/z'], ['C/x', 'A']],
  ];
  for (const [pattern, matches, misses] of rows) {
    it(`'${pattern}'`, () => {
      for (const path of matches) expect(taken({ exclude: [pattern] }, path), `${pattern} should match ${path}`).toBe(false);
      for (const path of misses) expect(taken({ exclude: [pattern] }, path), `${pattern} should not match ${path}`).toBe(true);
    });
  }
});

describe('characters rclone reads literally', () => {
  it('parentheses, bars, !, + and @ are plain characters; {1..3} is no range', () => {
    expect(taken({ exclude: ['x(1).txt'] }, 'x(1).txt')).toBe(false);
    expect(taken({ exclude: ['x(1).txt'] }, 'x1.txt')).toBe(true);
    expect(taken({ exclude: ['a|b'] }, 'a|b')).toBe(false);
    expect(taken({ exclude: ['a|b'] }, 'a')).toBe(true);
    expect(taken({ exclude: ['!a'] }, '!a')).toBe(false);
    expect(taken({ exclude: ['!a'] }, 'b')).toBe(true);
    expect(taken({ exclude: ['+(a)'] }, '+(a)')).toBe(false);
    expect(taken({ exclude: ['+(a)'] }, 'a')).toBe(true);
    expect(taken({ exclude: ['{1..3}'] }, '2')).toBe(true);
    expect(taken({ exclude: ['{1..3}'] }, '1..3')).toBe(false);
  });

  it('* and ? match dot files and never cross a /', () => {
    expect(taken({ exclude: ['*'] }, '.hidden')).toBe(false);
    expect(taken({ exclude: ['/a/*'] }, 'a/b/c')).toBe(true);
    expect(taken({ exclude: ['/a?b'] }, 'a/b')).toBe(true);
    expect(taken({ exclude: ['[[:digit:]]*'] }, '7up')).toBe(false);
    expect(taken({ exclude: ['[!a]*'] }, 'abc')).toBe(true);
  });
});
