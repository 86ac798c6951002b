import { describe, expect, it } from 'vitest';
import { decodePlaylist } from '../../src/m3u/decode-playlist.js';
import { MAX_LINE_LENGTH, readM3u } from '../../src/m3u/read-m3u.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('decodePlaylist', () => {
  it('decodes UTF-8 and drops a BOM', () => {
    const decoded = decodePlaylist(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('Björk/ä.mp3\n')]), 'a.m3u8');
    expect(decoded).toEqual({ ok: true, text: 'Björk/ä.mp3\n', encoding: 'utf-8' });
  });

  it('falls back to Latin-1 for a non-UTF-8 .m3u', () => {
    const decoded = decodePlaylist(new Uint8Array([0x42, 0x6a, 0xf6, 0x72, 0x6b, 0x2f, 0xe4, 0x2e, 0x6d, 0x70, 0x33]), 'a.M3U');
    expect(decoded).toEqual({ ok: true, text: 'Björk/ä.mp3', encoding: 'latin-1' });
  });

  it('refuses invalid UTF-8 in a .m3u8, which must be UTF-8', () => {
    expect(decodePlaylist(new Uint8Array([0x61, 0xf6, 0x62]), 'x.m3u8')).toEqual({ ok: false, problem: 'invalid-utf8' });
  });

  it('reports binary content', () => {
    expect(decodePlaylist(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), 'x.m3u')).toEqual({ ok: false, problem: 'binary' });
    const controls = new Uint8Array(200).map((_, i) => (i % 3 === 0 ? 0x01 : 0x41));
    expect(decodePlaylist(controls, 'x.m3u')).toEqual({ ok: false, problem: 'binary' });
  });

  it('treats UTF-16 (NUL bytes) as binary rather than guessing', () => {
    expect(decodePlaylist(new Uint8Array([0xff, 0xfe, 0x61, 0x00]), 'x.m3u').ok).toBe(false);
  });

  it('decodes an empty file as empty text', () => {
    expect(decodePlaylist(new Uint8Array(0), 'x.m3u')).toEqual({ ok: true, text: '', encoding: 'utf-8' });
  });
});

describe('readM3u', () => {
  it('reads simple M3U (no #EXTINF at all) with line numbers', () => {
    expect(readM3u('/m/a.mp3\n/m/b.mp3\n').entries).toEqual([
      { line: 1, entry: '/m/a.mp3' },
      { line: 2, entry: '/m/b.mp3' },
    ]);
  });

  it('reads extended M3U and ignores titles, -1 durations and attribute blocks', () => {
    const text = [
      '#EXTM3U',
      '#EXTINF:123,Artist - Title',
      'A/one.mp3',
      '#EXTINF:-1 tvg-id="x" group-title="a,b",Weird, title',
      'A/two.mp3',
      '#EXTINF:,',
      'A/three.mp3',
    ].join('\n');
    expect(readM3u(text).entries).toEqual([
      { line: 3, entry: 'A/one.mp3' },
      { line: 5, entry: 'A/two.mp3' },
      { line: 7, entry: 'A/three.mp3' },
    ]);
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['old Mac CR', '\r'],
  ])('splits %s line endings', (_label, eol) => {
    const text = ['#EXTM3U', '#EXTINF:1,x', 'a.mp3', '', 'b.mp3'].join(eol) + eol;
    expect(readM3u(text).entries).toEqual([
      { line: 3, entry: 'a.mp3' },
      { line: 5, entry: 'b.mp3' },
    ]);
  });

  it('skips comments, blank lines, whitespace-only lines and other tags', () => {
    const text = '# my list\n\n   \n#EXTALB:Album\n#EXT-X-UNKNOWN:1\n\ta.mp3  \n#a comment.mp3\n';
    expect(readM3u(text).entries).toEqual([{ line: 6, entry: 'a.mp3' }]);
  });

  it('drops a BOM left in the text', () => {
    expect(readM3u('\uFEFFa.mp3').entries).toEqual([{ line: 1, entry: 'a.mp3' }]);
  });

  it('keeps UTF-8 names, spaces and & as written', () => {
    expect(readM3u('Sigur Rós/Ágætis byrjun/01 Intro & Más.flac').entries[0]?.entry).toBe('Sigur Rós/Ágætis byrjun/01 Intro & Más.flac');
  });

  it('reports an extremely long line with its number and goes on', () => {
    const content = readM3u(`a.mp3\n${'x'.repeat(MAX_LINE_LENGTH + 1)}\nb.mp3`);
    expect(content.entries.map((e) => e.line)).toEqual([1, 3]);
    expect(content.problems).toEqual([{ line: 2, message: `line is too long (${MAX_LINE_LENGTH + 1} characters)` }]);
  });

  it('gives no entries for an empty text', () => {
    expect(readM3u('')).toEqual({ entries: [], problems: [] });
    expect(readM3u('#EXTM3U\n\n').entries).toEqual([]);
  });
});
