import { homedir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { expandHome, homeFolders, userHome } from '../../src/local/index.js';
import { resolveConfigPath } from '../../src/config/config-path.js';

const homes: Record<string, string> = { alice: '/users/alice' };
const folders = { home: '/home/me', homeOf: (user: string) => homes[user] };

describe('expandHome', () => {
  it.each([
    ['~', '/home/me'],
    ['~/Music', '/home/me/Music'],
    ['~/', '/home/me/'],
    ['~/.', '/home/me/.'],
    ['~alice', '/users/alice'],
    ['~alice/docs/', '/users/alice/docs/'],
    ['~nobody/x', '~nobody/x'],
    ['/abs/~/x', '/abs/~/x'],
    ['x~', 'x~'],
    ['', ''],
  ])('%s → %s', (input, expected) => {
    expect(expandHome(input, folders)).toBe(expected);
  });

  it('leaves ~name as written when nobody says who that is', () => {
    expect(expandHome('~alice/x', { home: '/home/me' })).toBe('~alice/x');
  });

  it("drops the home's trailing separators, as Python's expanduser does", () => {
    expect(expandHome('~/x', { home: '/' })).toBe('/x');
    expect(expandHome('~/x', { home: '/home/me/' })).toBe('/home/me/x');
    expect(expandHome('~', { home: '/' })).toBe('/');
  });
});

describe('homeFolders', () => {
  it('takes HOME, then USERPROFILE, then the account', () => {
    expect(homeFolders({ HOME: '/h', USERPROFILE: 'C:\\Users\\u' }).home).toBe('/h');
    expect(homeFolders({ USERPROFILE: 'C:\\Users\\u' }).home).toBe('C:\\Users\\u');
    expect(homeFolders({ HOME: '' }).home).toBe(homedir());
    expect(homeFolders({}).home).toBe(homedir());
  });

  it('looks other users up', () => {
    expect(homeFolders({}).homeOf).toBe(userHome);
  });

  it('is what the config path expands ~ with', () => {
    expect(resolveConfigPath({ explicit: '~/c.json', env: { HOME: '/h' }, cwd: '/w' })).toBe('/h/c.json');
    expect(resolveConfigPath({ env: { USERPROFILE: '/p' }, cwd: '/w' })).toBe('/p/.config/pcloud.json');
  });
});

describe('userHome', () => {
  it('finds a user of this machine in /etc/passwd, and nobody else', () => {
    expect(userHome('root')).toMatch(/^\//);
    expect(userHome('no-such-user-for-pcloud-tests')).toBeUndefined();
  });
});
