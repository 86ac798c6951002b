import { describe, expect, it } from 'vitest';
import { isPCloudError } from '../src/errors.js';
import {
  accountPath,
  hasTrailingSlash,
  isRemoteSpec,
  joinRemotePath,
  normalizeRemotePath,
  parseLocation,
  parseRootRelativeLocation,
  remoteBasename,
  remoteDirname,
  remoteNameProblem,
} from '../src/location/index.js';

const TOKEN = 'LocTokenXyZ0123456789abcdef';

function failure(fn: () => unknown): { code: string; message: string; hint: string | undefined } {
  try {
    fn();
  } catch (error) {
    if (!isPCloudError(error)) throw error;
    return { code: error.code, message: error.message, hint: error.hint };
  }
  throw new Error('expected a failure');
}

describe('p: locations', () => {
  it.each([
    ['p:/', '/', true],
    ['p:/Music', '/Music', false],
    ['p:/Music/', '/Music', true],
    ['p://a//b///c', '/a/b/c', false],
    ['p:/a/./b', '/a/b', false],
    ['p:/a/../b', '/b', false],
    // A last `.` or `..` means the folder's contents, like a trailing slash (rsync's rule).
    ['p:/a/b/..', '/a', true],
    ['p:/a/.', '/a', true],
    ['p:/a/b..', '/a/b..', false],
    ['p:/a/..b', '/a/..b', false],
    ['p:/with space/ünï çødé.mp3', '/with space/ünï çødé.mp3', false],
    ['p:/100%25', '/100%25', false],
  ])('%s → %s (trailing slash %s)', (spec, path, trailingSlash) => {
    const location = parseLocation(spec);
    expect(location).toMatchObject({ form: 'p', path, trailingSlash, endpoint: undefined, accessToken: undefined });
  });

  it('shows the normalised spec, keeping a trailing slash', () => {
    expect(parseLocation('p://a//b/').display).toBe('p:/a/b/');
    expect(parseLocation('p:/').display).toBe('p:/');
  });

  it('refuses a relative p: path with a hint', () => {
    const error = failure(() => parseLocation('p:Music/x'));
    expect(error.code).toBe('INVALID_LOCATION');
    expect(error.message).toBe('invalid location p:Music/x: a pCloud path after p: must be absolute');
    expect(error.hint).toBe('write p:/Music/x');
  });

  it.each([['p:/..'], ['p:/a/../..'], ['p:/../etc']])('refuses %s, which leaves the root', (spec) => {
    const error = failure(() => parseLocation(spec));
    expect(error).toMatchObject({ code: 'INVALID_LOCATION' });
    expect(error.message).toContain('would leave the pCloud root');
  });

  it('refuses names pCloud refuses', () => {
    expect(failure(() => parseLocation('p:/a\\b')).code).toBe('INVALID_NAME');
    expect(failure(() => parseLocation('p:/a\0b')).message).toContain('NUL');
    const long = 'é'.repeat(512); // 1024 bytes
    expect(failure(() => parseLocation(`p:/${long}`)).message).toContain('1024 bytes');
    expect(parseLocation(`p:/${'a'.repeat(1023)}`).path).toHaveLength(1024);
  });

  it('refuses something that is no location', () => {
    expect(failure(() => parseLocation('/local/file'))).toMatchObject({
      code: 'INVALID_LOCATION',
      message: 'invalid location /local/file: a pCloud location starts with p:/ or pcloud://',
    });
  });
});

describe('pcloud:// locations', () => {
  it.each([
    ['pcloud://eapi.pcloud.com/backup/laptop', 'https://eapi.pcloud.com', 'eu', '/backup/laptop'],
    ['pcloud://api.pcloud.com/backup', 'https://api.pcloud.com', 'us', '/backup'],
    ['PCLOUD://EAPI.pcloud.com:443/x/', 'https://eapi.pcloud.com', 'eu', '/x'],
    ['pcloud://eapi.pcloud.com', 'https://eapi.pcloud.com', 'eu', '/'],
    ['pcloud://127.0.0.1:8443/a', 'https://127.0.0.1:8443', undefined, '/a'],
    ['pcloud+http://127.0.0.1:8080/a/b', 'http://127.0.0.1:8080', undefined, '/a/b'],
    ['pcloud+http://localhost:9/a', 'http://localhost:9', undefined, '/a'],
    ['pcloud://[::1]:8443/a', 'https://[::1]:8443', undefined, '/a'],
  ])('%s → %s', (spec, endpoint, region, path) => {
    expect(parseLocation(spec)).toMatchObject({ form: 'url', endpoint, region, path, accessToken: undefined });
  });

  it("tells a trailing slash, a last . and a last .. as p: does (rsync's rule)", () => {
    for (const tail of ['/a/b/', '/a/b/.', '/a/b/c/..', '/a/b/c/%2E%2E']) {
      expect(parseLocation(`pcloud://eapi.pcloud.com${tail}`), tail).toMatchObject({ path: '/a/b', trailingSlash: true });
    }
    expect(parseLocation('pcloud://eapi.pcloud.com/a/b')).toMatchObject({ path: '/a/b', trailingSlash: false });
    expect(parseLocation('pcloud://eapi.pcloud.com/a/b.')).toMatchObject({ path: '/a/b.', trailingSlash: false });
  });

  it('takes the authid as the token and never shows it', () => {
    const location = parseLocation(`pcloud://eapi.pcloud.com/b?authid=${TOKEN}`);
    expect(location.accessToken).toBe(TOKEN);
    expect(location.display).toBe('pcloud://eapi.pcloud.com/b');
    expect(parseLocation(`pcloud://eapi.pcloud.com/b?AuthID=${encodeURIComponent('a+b/c=')}`).accessToken).toBe('a+b/c=');
  });

  it('percent-decodes each path segment', () => {
    expect(parseLocation('pcloud://eapi.pcloud.com/My%20Music/%C3%A9t%C3%A9/a%26b%23c').path).toBe('/My Music/été/a&b#c');
    expect(failure(() => parseLocation('pcloud://eapi.pcloud.com/a%2Fb')).message).toContain('slash inside the name');
    expect(failure(() => parseLocation('pcloud://eapi.pcloud.com/a%5Cb')).code).toBe('INVALID_NAME');
    expect(failure(() => parseLocation('pcloud://eapi.pcloud.com/%2E%2E/x')).message).toContain('leave the pCloud root');
  });

  it.each([
    ['pcloud://example.com/a', 'host "example.com" is neither api.pcloud.com (US), eapi.pcloud.com (EU) nor a loopback address'],
    ['pcloud://10.0.0.1:8443/a', 'host "10.0.0.1"'],
    ['pcloud+http://eapi.pcloud.com/a', 'pcloud+http:// is only for a local emulator'],
    ['pcloud://eapi.pcloud.com:8443/a', 'serves HTTPS on port 443 only'],
    ['pcloud://127.0.0.1:99999/a', 'port 99999 is out of range'],
    ['pcloud:///a', 'expected a host such as eapi.pcloud.com'],
    ['pcloud://user:pw@eapi.pcloud.com/a', 'expected a host'],
    ['pcloud://eapi.pcloud.com/%zz', 'bad percent-encoding in the path'],
    ['pcloud://eapi.pcloud.com/a#frag', 'a location has no #fragment'],
    ['pcloud://eapi.pcloud.com/a?authid=', 'authid is empty'],
    ['pcloud://eapi.pcloud.com/a?authid=x1&authid=x2', 'authid is given twice'],
    ['pcloud://eapi.pcloud.com/a?foo=1', 'unknown parameter "foo"'],
  ])('refuses %s', (spec, message) => {
    const error = failure(() => parseLocation(spec));
    expect(error.code).toBe('INVALID_LOCATION');
    expect(error.message).toContain(message);
  });

  it('never echoes the authid in an error, whatever is wrong', () => {
    for (const spec of [
      `pcloud://example.com/a?authid=${TOKEN}`,
      `pcloud://eapi.pcloud.com/..?authid=${TOKEN}`,
      `pcloud://eapi.pcloud.com/a?authid=${TOKEN}&x=1`,
      `pcloud://eapi.pcloud.com/a?authid=${TOKEN}#x`,
      `pcloud://eapi.pcloud.com/a?x=${TOKEN}`,
    ]) {
      const error = failure(() => parseLocation(spec));
      expect(error.message).not.toContain(TOKEN);
      expect(error.message).toMatch(/^invalid location pcloud:\/\//);
    }
  });
});

describe('root-relative paths (pcutil rm)', () => {
  it.each([
    ['tmp', '/tmp'],
    ['/tmp', '/tmp'],
    ['p:/tmp', '/tmp'],
    ['a//b/', '/a/b'],
    ['./a', '/a'],
  ])('%s → %s', (spec, path) => {
    expect(parseRootRelativeLocation(spec)).toMatchObject({ form: 'p', path });
  });

  it('refuses an empty path and one that climbs out', () => {
    expect(failure(() => parseRootRelativeLocation('')).code).toBe('INVALID_LOCATION');
    expect(failure(() => parseRootRelativeLocation('../x')).code).toBe('INVALID_LOCATION');
  });
});

describe('path helpers', () => {
  it('recognises remote specs', () => {
    expect(['p:/a', 'p:', 'pcloud://x', 'PCloud+HTTP://x'].map(isRemoteSpec)).toEqual([true, true, true, true]);
    expect(['/a', 'a', 'pcloud:/x', 'P:/a'].map(isRemoteSpec)).toEqual([false, false, false, false]);
  });

  it('joins and splits normalised paths', () => {
    expect(joinRemotePath('/', 'a')).toBe('/a');
    expect(joinRemotePath('/x', 'a')).toBe('/x/a');
    expect([remoteDirname('/a/b'), remoteDirname('/a'), remoteDirname('/')]).toEqual(['/a', '/', '/']);
    expect([remoteBasename('/a/b'), remoteBasename('/')]).toEqual(['b', '']);
  });

  it('maps an app-folder path into the account', () => {
    expect(accountPath('/Backup', '/Applications/My App')).toBe('/Applications/My App/Backup');
    expect(accountPath('/', '/Applications/My App/')).toBe('/Applications/My App');
    expect(accountPath('/a', undefined)).toBe('/a');
    expect(accountPath('/a', '/')).toBe('/a');
  });

  it("tells a trailing slash, a last . or .. by whole components only (rsync's rule)", () => {
    for (const path of ['a/', '/', '.', '..', 'a/.', 'a/..', '/a/b/..', '~/']) expect(hasTrailingSlash(path), path).toBe(true);
    for (const path of ['a', '', 'x.', '..x', 'a/.bashrc', 'a/x..', '/a/b']) expect(hasTrailingSlash(path), path).toBe(false);
  });

  it('names the problem with a single name', () => {
    expect(remoteNameProblem('ok.txt')).toBeUndefined();
    expect(remoteNameProblem('')).toBe('an empty name');
    expect(normalizeRemotePath('a/b')).toEqual({ path: '/a/b', trailingSlash: false });
  });
});

describe('long locations in messages', () => {
  it('are cut in the middle, so the error stays one readable line', () => {
    const spec = `p:/docs/${'n'.repeat(1024)}`;
    let message = '';
    try {
      parseLocation(spec);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^invalid location p:\/docs\/n+…n+: a name of 1024 bytes/);
    expect(message.length).toBeLessThan(260);
  });
});

describe('elided locations and secrets', () => {
  it('never leave part of a token in the message', () => {
    const token = 'TOKENPART'.repeat(20);
    let message = '';
    try {
      parseLocation(`pcloudx://${'h'.repeat(60)}/x?authid=${token}`);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^invalid location /);
    expect(message).not.toContain('TOKENPART');
  });
});
