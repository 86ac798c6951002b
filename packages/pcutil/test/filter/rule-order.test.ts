import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPathFilter, type FilterOptions } from '../../src/filter/path-filter.js';

const dir = mkdtempSync(join(tmpdir(), 'pcutil-rules-'));
function ruleFile(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** The paths among `paths` the filter takes as files. */
function takenFiles(options: FilterOptions, paths: string[]): string[] {
  const filter = createPathFilter(options);
  return paths.filter((path) => filter.includes(path, { kind: 'file' }));
}

describe('first match wins, in rclone order', () => {
  it('--include takes only what matches: an implied "- **" comes last', () => {
    expect(takenFiles({ include: ['*.{png,jpg}'] }, ['a.png', 'b/c.jpg', 'd.txt', 'e/f.gif'])).toEqual(['a.png', 'b/c.jpg']);
  });

  it('--filter rules apply in the order given', () => {
    const paths = ['secret1.jpg', 'x.jpg', 'y.txt'];
    expect(takenFiles({ filter: ['- secret*.jpg', '+ *.jpg', '- *'] }, paths)).toEqual(['x.jpg']);
    expect(takenFiles({ filter: ['+ *.jpg', '- secret*.jpg', '- *'] }, paths)).toEqual(['secret1.jpg', 'x.jpg']);
  });

  it("--filter-from reads rclone's documented example file", () => {
    const file = ruleFile(
      'filter-file.txt',
      '# a sample filter rule file\n- secret*.jpg\n+ *.jpg\n+ *.png\n+ file2.avi\n- /dir/Trash/**\n+ /dir/**\n; exclude everything else\n- *\n',
    );
    const paths = ['file1.jpg', 'secret17.jpg', 'a/file3.png', 'file2.avi', 'dir/notes.txt', 'dir/Trash/x.txt', 'other.txt'];
    expect(takenFiles({ filterFrom: [file] }, paths)).toEqual(['file1.jpg', 'a/file3.png', 'file2.avi', 'dir/notes.txt']);
  });

  it('"!" forgets the rules before it', () => {
    const file = ruleFile('clear.txt', '+ *.jpg\n+ *.gif\n!\n+ 42.doc\n- *\n');
    expect(takenFiles({ filterFrom: [file] }, ['a.jpg', 'b.gif', '42.doc'])).toEqual(['42.doc']);
  });

  it('--exclude-from and --include-from read one pattern a line, comments skipped', () => {
    const excludes = ruleFile('exclude-file.txt', '# a sample exclude rule file\n*.bak\n\n  file2.jpg  \r\n');
    expect(takenFiles({ excludeFrom: [excludes] }, ['a.bak', 'file2.jpg', 'x/file2.jpg', 'keep.txt'])).toEqual(['keep.txt']);
    const includes = ruleFile('include-file.txt', '*.jpg\nfile2.avi\n');
    expect(takenFiles({ includeFrom: [includes] }, ['a.jpg', 'file2.avi', 'b.avi'])).toEqual(['a.jpg', 'file2.avi']);
  });

  it('--include rules come before --filter rules, and the implied "- **" after both', () => {
    expect(takenFiles({ include: ['*.jpg'], filter: ['- *.jpg', '+ *.txt'] }, ['a.jpg', 'b.txt', 'c.gif'])).toEqual(['a.jpg', 'b.txt']);
  });
});

describe('folders', () => {
  it('a trailing / matches folders: excluding dir/ leaves out the folder and everything below; a file named dir stays', () => {
    const filter = createPathFilter({ exclude: ['node_modules/'] });
    expect(filter.descends('node_modules')).toBe(false);
    expect(filter.descends('app/node_modules')).toBe(false);
    expect(filter.descends('app')).toBe(true);
    expect(filter.includes('app/node_modules/x/y.js', { kind: 'file' })).toBe(false);
    expect(filter.includes('node_modules', { kind: 'file' })).toBe(true);
    expect(filter.includes('app/node_modules', { kind: 'folder' })).toBe(false);
  });

  it('a leading / anchors at the root of the transfer', () => {
    const filter = createPathFilter({ exclude: ['/build/'] });
    expect(filter.descends('build')).toBe(false);
    expect(filter.descends('src/build')).toBe(true);
  });

  it('an anchored include lets the walk into the folders it needs only', () => {
    const filter = createPathFilter({ include: ['/photos/2024/*.jpg'] });
    expect(filter.descends('photos')).toBe(true);
    expect(filter.descends('photos/2024')).toBe(true);
    expect(filter.descends('photos/2023')).toBe(false);
    expect(filter.descends('music')).toBe(false);
    expect(filter.includes('photos/2024/a.jpg', { kind: 'file' })).toBe(true);
  });

  it('an unanchored include lets the walk in everywhere, since a match may be deep down', () => {
    const filter = createPathFilter({ include: ['a/b/*.jpg'] });
    expect(filter.descends('x')).toBe(true);
    expect(filter.includes('x/a/b/1.jpg', { kind: 'file' })).toBe(true);
  });

  it('--include dir/ only scopes the walk: files still need a rule (as rclone documents)', () => {
    const filter = createPathFilter({ include: ['/directory/'] });
    expect(filter.descends('directory')).toBe(true);
    expect(filter.descends('other')).toBe(false);
    expect(filter.includes('directory/a.txt', { kind: 'file' })).toBe(false);
  });

  it('dir/** selects the folder itself as a folder, and its contents', () => {
    const filter = createPathFilter({ filter: ['- /cache/**'] });
    expect(filter.descends('cache')).toBe(false);
    expect(filter.includes('cache', { kind: 'folder' })).toBe(false);
    expect(filter.includes('cache/x', { kind: 'file' })).toBe(false);
  });

  it('a folder is selected itself only when no rule leaves its path out', () => {
    const filter = createPathFilter({ include: ['*.tmp'] });
    expect(filter.descends('logs')).toBe(true);
    expect(filter.includes('logs', { kind: 'folder' })).toBe(false);
    expect(createPathFilter({ exclude: ['*.tmp'] }).includes('logs', { kind: 'folder' })).toBe(true);
  });

  it('is inactive without options', () => {
    expect(createPathFilter({}).active).toBe(false);
    expect(createPathFilter({ exclude: ['x'] }).active).toBe(true);
    expect(createPathFilter({ maxSize: '1K' }).active).toBe(true);
  });
});

describe('age and size', () => {
  const now = new Date('2026-06-15T12:00:00Z');
  const at = (iso: string): number => Date.parse(iso) / 1000;
  const takes = (options: FilterOptions, entry: { size?: number; mtime?: number }): boolean =>
    createPathFilter(options, now).includes('f', { kind: 'file', ...entry });

  it('--max-age and --min-age take durations and dates', () => {
    expect(takes({ maxAge: '7d' }, { mtime: at('2026-06-10T00:00:00Z') })).toBe(true);
    expect(takes({ maxAge: '7d' }, { mtime: at('2026-06-01T00:00:00Z') })).toBe(false);
    expect(takes({ minAge: '12h' }, { mtime: at('2026-06-15T06:00:00Z') })).toBe(false);
    expect(takes({ minAge: '1h30m' }, { mtime: at('2026-06-15T10:00:00Z') })).toBe(true);
    expect(takes({ maxAge: '2026-06-01T00:00:00Z' }, { mtime: at('2026-06-02T00:00:00Z') })).toBe(true);
    expect(takes({ maxAge: '2026-06-01T00:00:00Z' }, { mtime: at('2026-05-31T00:00:00Z') })).toBe(false);
    expect(takes({ minAge: '1w', maxAge: '1M' }, { mtime: at('2026-06-01T00:00:00Z') })).toBe(true);
  });

  it('--max-size and --min-size are binary, inclusive, and pass files of unknown size', () => {
    expect(takes({ maxSize: '1K' }, { size: 1024 })).toBe(true);
    expect(takes({ maxSize: '1K' }, { size: 1025 })).toBe(false);
    expect(takes({ minSize: '1.5M' }, { size: 1.5 * 1024 * 1024 - 1 })).toBe(false);
    expect(takes({ minSize: '1MiB', maxSize: '1G' }, { size: 2 ** 20 })).toBe(true);
    expect(takes({ maxSize: '10B' }, { size: 11 })).toBe(false);
    expect(takes({ maxSize: '0' }, {})).toBe(true);
  });

  it('ages and sizes never leave a folder out', () => {
    expect(createPathFilter({ maxSize: '1B', maxAge: '1s' }, now).includes('d', { kind: 'folder' })).toBe(true);
  });
});

describe('bad input: one line naming the option and what is wrong', () => {
  const refused: Array<[FilterOptions, RegExp]> = [
    [{ exclude: ['a[b'] }, /^--exclude: bad pattern "a\[b": a \[ without its \]$/],
    [{ exclude: ['a]b'] }, /^--exclude: bad pattern "a\]b": a \] without its \[$/],
    [{ include: ['*.{jpg'] }, /^--include: bad pattern "\*\.\{jpg": a \{ without its \}$/],
    [{ exclude: ['a***'] }, /too many stars/],
    [{ exclude: ['*.{{jpe?g}}'] }, /regular expressions .* not supported/],
    [{ exclude: ['x\\'] }, /lone \\/],
    [{ exclude: [''] }, /empty pattern/],
    [{ filter: ['x'] }, /^--filter: "x" is not a rule: write "\+ PATTERN", "- PATTERN" or "!"$/],
    [{ include: ['a'], exclude: ['b'] }, /^--include and --exclude cannot be mixed/],
    [{ maxAge: '7' }, /^--max-age "7" is not a time: use a duration such as 7d/],
    [{ minAge: '2026-02-30' }, /^--min-age "2026-02-30" is not a time/],
    [{ maxSize: '100' }, /^--max-size "100" is not a size: use a size with its unit/],
    [{ minSize: '10X' }, /^--min-size "10X" is not a size/],
    [{ minAge: '30d', maxAge: '7d' }, /^--min-age 30d is older than --max-age 7d/],
    [{ minSize: '2M', maxSize: '1M' }, /^--max-size 1M is below --min-size 2M/],
    [{ excludeFrom: [join(dir, 'missing.txt')] }, /^cannot read --exclude-from .*missing\.txt: no such file$/],
    [{ filterFrom: [dir] }, /^cannot read --filter-from .*: it is a folder$/],
  ];
  for (const [options, message] of refused) {
    it(JSON.stringify(options), () => {
      expect(() => createPathFilter(options)).toThrow(message);
      try {
        createPathFilter(options);
      } catch (error) {
        expect((error as { code?: string }).code).toBe('USAGE_ERROR');
      }
    });
  }

  it('names the line of a bad rule in a filter file', () => {
    const file = ruleFile('bad.txt', '+ *.jpg\n\n* oops\n');
    expect(() => createPathFilter({ filterFrom: [file] })).toThrow(/^--filter-from .*bad\.txt line 3: "\* oops" is not a rule/);
  });
});
