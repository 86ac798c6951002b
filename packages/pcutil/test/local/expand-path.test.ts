import { describe, expect, it } from 'vitest';
import { expandLocalPath } from '../../src/local/expand-path.js';

const homes: Record<string, string> = { alice: '/users/alice' };
const environment = {
  env: { DATA: '/srv/data', NAME: 'x y', EMPTY: '' },
  cwd: '/home/me/work',
  home: '/home/me',
  homeOf: (user: string) => homes[user],
};
const expand = (input: string) => expandLocalPath(input, environment);

describe('expandLocalPath', () => {
  it.each([
    ['~', '/home/me'],
    ['~/docs', '/home/me/docs'],
    ['~other/docs', '/home/me/work/~other/docs'],
    ['~alice/docs', '/users/alice/docs'],
    ['~alice', '/users/alice'],
    ['$DATA/in', '/srv/data/in'],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell-style ${VAR} is the input under test
    ['${DATA}x', '/srv/datax'],
    ['$NAME', '/home/me/work/x y'],
    ['$UNSET/a', '/home/me/work/$UNSET/a'],
    ['.', '/home/me/work'],
    ['..', '/home/me'],
    ['../a/./b/../c', '/home/me/a/c'],
    ['.bashrc', '/home/me/work/.bashrc'],
    ['..hidden', '/home/me/work/..hidden'],
    ['a/.bashrc', '/home/me/work/a/.bashrc'],
    ['/abs/../x', '/x'],
    ['/', '/'],
  ])('%s → %s', (input, expected) => {
    expect(expand(input).path).toBe(expected);
  });

  it('marks a trailing slash, a last . and a last .., and only those', () => {
    expect(expand('dir/').trailingSlash).toBe(true);
    expect(expand('~/').trailingSlash).toBe(true);
    // Like a trailing slash, a last . or .. names a folder by where it is (rsync's rule).
    expect(expand('.').trailingSlash).toBe(true);
    expect(expand('..').trailingSlash).toBe(true);
    expect(expand('dir/.').trailingSlash).toBe(true);
    expect(expand('dir/..').trailingSlash).toBe(true);
    expect(expand('dir').trailingSlash).toBe(false);
    expect(expand('.bashrc').trailingSlash).toBe(false);
    expect(expand('dir/..x').trailingSlash).toBe(false);
    expect(expand('x.').trailingSlash).toBe(false);
    expect(expand('dir/').path).toBe('/home/me/work/dir');
  });
});
