import { describe, expect, it } from 'vitest';
import { expandLocalPath } from '../../src/local/expand-path.js';
import { userHome } from '../../src/local/user-home.js';

const homes: Record<string, string> = { alice: '/users/alice' };
const environment = { env: { DATA: '/srv/data', NAME: 'x y', EMPTY: '' }, cwd: '/home/me/work', home: '/home/me', homeOf: (user: string) => homes[user] };
const expand = (input: string) => expandLocalPath(input, environment);

describe('expandLocalPath', () => {
  it.each([
    ['~', '/home/me'],
    ['~/docs', '/home/me/docs'],
    ['~other/docs', '/home/me/work/~other/docs'],
    ['~alice/docs', '/users/alice/docs'],
    ['~alice', '/users/alice'],
    ['$DATA/in', '/srv/data/in'],
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

  it('marks a trailing slash, a last . and a last .. as contents-only, and only those', () => {
    expect(expand('dir/').contentsOnly).toBe(true);
    expect(expand('~/').contentsOnly).toBe(true);
    // The original and rsync copy what is inside a folder named by . or .., not the folder.
    expect(expand('.').contentsOnly).toBe(true);
    expect(expand('..').contentsOnly).toBe(true);
    expect(expand('dir/.').contentsOnly).toBe(true);
    expect(expand('dir/..').contentsOnly).toBe(true);
    expect(expand('dir').contentsOnly).toBe(false);
    expect(expand('.bashrc').contentsOnly).toBe(false);
    expect(expand('dir/..x').contentsOnly).toBe(false);
    expect(expand('x.').contentsOnly).toBe(false);
    expect(expand('dir/').path).toBe('/home/me/work/dir');
  });
});

describe('userHome', () => {
  it('finds a user of this machine in /etc/passwd, and nobody else', () => {
    expect(userHome('root')).toMatch(/^\//);
    expect(userHome('no-such-user-for-pcutil-tests')).toBeUndefined();
  });
});
