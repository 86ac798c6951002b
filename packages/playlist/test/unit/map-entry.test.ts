import { describe, expect, it } from 'vitest';
import { createEntryMapper } from '../../src/tracks/map-entry.js';
import { parseLocalPath, relativeTo, resolveLocalPath } from '../../src/tracks/local-path.js';

const ok = (relative: string) => ({ ok: true, relative });

describe('local paths', () => {
  it('parses POSIX, drive and UNC paths', () => {
    expect(parseLocalPath('/a/./b//c')).toEqual({ root: '', segments: ['a', 'b', 'c'] });
    expect(parseLocalPath('c:\\Music\\A')).toEqual({ root: 'C:', segments: ['Music', 'A'] });
    expect(parseLocalPath('\\\\NAS\\Share\\x.mp3')).toEqual({ root: '//nas/share', segments: ['x.mp3'] });
    expect(parseLocalPath('A/b.mp3')).toEqual({ root: undefined, segments: ['A', 'b.mp3'] });
  });

  it('resolves .. and stops at the root', () => {
    const base = parseLocalPath('/home/u');
    expect(resolveLocalPath(base, parseLocalPath('../../../x'))).toEqual({ root: '', segments: ['x'] });
    expect(resolveLocalPath(base, parseLocalPath('a/../b'))).toEqual({ root: '', segments: ['home', 'u', 'b'] });
  });

  it('compares whole segments only', () => {
    expect(relativeTo(parseLocalPath('/music'), parseLocalPath('/music2/x.mp3'))).toBeUndefined();
    expect(relativeTo(parseLocalPath('/music'), parseLocalPath('/music/x.mp3'))).toEqual(['x.mp3']);
  });
});

describe('createEntryMapper', () => {
  const mapper = (prefix?: string, playlistDir = '/home/u/Music/lists') => createEntryMapper({ playlistDir, prefix, cwd: '/home/u' });

  it('removes --prefix as a leading path, not as a substring', () => {
    const map = mapper('/home/u/Music');
    expect(map('/home/u/Music/A/B/x.mp3')).toEqual(ok('A/B/x.mp3'));
    // the original replaced the prefix anywhere in the path
    expect(map('/data/home/u/Music/A/x.mp3')).toEqual({
      ok: false,
      reason: '/data/home/u/Music/A/x.mp3 is not under --prefix /home/u/Music',
    });
    expect(map('/home/u/Music2/x.mp3').ok).toBe(false);
  });

  it('accepts a prefix with a trailing slash, or relative to the working folder', () => {
    expect(mapper('/home/u/Music/')('/home/u/Music/x.mp3')).toEqual(ok('x.mp3'));
    expect(mapper('Music')('/home/u/Music/x.mp3')).toEqual(ok('x.mp3'));
  });

  it('keeps the whole absolute path below the music folder when there is no prefix', () => {
    expect(mapper()('/Artist/x.mp3')).toEqual(ok('Artist/x.mp3'));
    expect(mapper()('C:\\Artist\\x.mp3')).toEqual(ok('Artist/x.mp3'));
  });

  it('resolves relative entries against the playlist folder, then against the prefix', () => {
    const map = mapper('/home/u/Music');
    expect(map('../A/x.mp3')).toEqual(ok('A/x.mp3'));
    expect(map('B/y.mp3')).toEqual(ok('lists/B/y.mp3'));
    expect(map('./B/../C/z.mp3')).toEqual(ok('lists/C/z.mp3'));
    expect(map('../../elsewhere.mp3').ok).toBe(false);
  });

  it('takes relative entries as relative to the playlist folder when there is no prefix', () => {
    expect(mapper(undefined, '/srv/music')('Artist/Album/01 a & b.mp3')).toEqual(ok('Artist/Album/01 a & b.mp3'));
    expect(mapper(undefined, '/srv/music')('../x.mp3')).toEqual({
      ok: false,
      reason: "../x.mp3 points outside the playlist's folder (give --prefix)",
    });
  });

  it('understands Windows paths, drive letters and backslashes', () => {
    const map = mapper('D:\\Music');
    expect(map('D:\\Music\\Artist\\Album\\01.flac')).toEqual(ok('Artist/Album/01.flac'));
    expect(map('d:/music/Artist/01.flac')).toEqual(ok('Artist/01.flac'));
    expect(map('E:\\Music\\01.flac').ok).toBe(false);
    expect(mapper(undefined, '/srv/music')('Artist\\Album\\01.flac')).toEqual(ok('Artist/Album/01.flac'));
    expect(mapper('\\\\nas\\music')('\\\\NAS\\Music\\A\\x.mp3')).toEqual(ok('A/x.mp3'));
  });

  it('compares POSIX prefixes with their letter case', () => {
    expect(mapper('/home/u/music')('/home/u/Music/x.mp3').ok).toBe(false);
  });

  it('percent-decodes file:// URIs', () => {
    const map = mapper('/home/u/Music');
    expect(map('file:///home/u/Music/Sigur%20R%C3%B3s/a%26b.mp3')).toEqual(ok('Sigur Rós/a&b.mp3'));
    expect(map('file://localhost/home/u/Music/x.mp3')).toEqual(ok('x.mp3'));
    expect(map('FILE:///home/u/Music/a+b.mp3')).toEqual(ok('a+b.mp3'));
    expect(mapper('C:\\Music')('file:///C:/Music/A/x%20y.mp3')).toEqual(ok('A/x y.mp3'));
    expect(mapper('//nas/music')('file://nas/music/A/x.mp3')).toEqual(ok('A/x.mp3'));
    expect(map('file:///home/u/Music/100%.mp3')).toEqual({ ok: false, reason: 'malformed file:// URI (bad percent-encoding)' });
  });

  it('reports http(s) and other URIs as not supported', () => {
    const map = mapper('/home/u/Music');
    expect(map('http://radio.example/stream.mp3')).toEqual({ ok: false, reason: 'http:// entries (streams) are not supported' });
    expect(map('HTTPS://x/y.mp3')).toEqual({ ok: false, reason: 'https:// entries (streams) are not supported' });
    expect(map('smb://nas/x.mp3')).toEqual({ ok: false, reason: 'smb:// entries are not supported' });
  });

  it('refuses an entry that is the prefix itself', () => {
    expect(mapper('/home/u/Music')('/home/u/Music').ok).toBe(false);
  });
});
