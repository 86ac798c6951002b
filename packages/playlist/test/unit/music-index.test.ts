import { describe, expect, it } from 'vitest';
import { createEntryMapper } from '../../src/tracks/map-entry.js';
import { matchTracks } from '../../src/tracks/match-tracks.js';
import { createMusicIndex, filesOfListing, lookupTrack, type ListedFolder } from '../../src/tracks/music-index.js';
import { DEFAULT_MUSIC_TYPES, isMusicFile, parseMusicTypes } from '../../src/tracks/music-types.js';

describe('music types', () => {
  it('parses lists with or without dots, any case, trimmed, deduplicated', () => {
    expect(parseMusicTypes('.mp3, FLAC,.Mp3,,')).toEqual(['.mp3', '.flac']);
    expect(parseMusicTypes(' , ')).toBeUndefined();
  });

  it('matches suffixes case-insensitively and needs a name before the suffix', () => {
    expect(isMusicFile('A/x.MP3', DEFAULT_MUSIC_TYPES)).toBe(true);
    expect(isMusicFile('x.wav', DEFAULT_MUSIC_TYPES)).toBe(false);
    expect(isMusicFile('.mp3', DEFAULT_MUSIC_TYPES)).toBe(false);
    expect(isMusicFile('x.mp3.txt', DEFAULT_MUSIC_TYPES)).toBe(false);
  });
});

const listing: ListedFolder = {
  contents: [
    { isfolder: false, name: 'cover.jpg', fileid: 1 },
    {
      isfolder: true,
      name: 'Björk',
      contents: [
        {
          isfolder: true,
          name: 'Homogenic',
          contents: [
            { isfolder: false, name: '01 Hunter.MP3', fileid: 2 },
            { isfolder: false, name: 'notes.txt', fileid: 3 },
          ],
        },
      ],
    },
    { isfolder: true, name: 'Simon & Garfunkel', contents: [{ isfolder: false, name: 'The Boxer.flac', fileid: 4 }] },
    { isfolder: true, name: 'Empty' },
  ],
};

describe('music index', () => {
  const index = createMusicIndex('/Music', DEFAULT_MUSIC_TYPES, filesOfListing(listing));

  it('flattens a recursive listing and keeps only music types', () => {
    expect([...index.files]).toEqual([
      ['Björk/Homogenic/01 Hunter.MP3', 2],
      ['Simon & Garfunkel/The Boxer.flac', 4],
    ]);
  });

  it('finds NFD-written names', () => {
    expect(lookupTrack(index, 'Bjo\u0308rk/Homogenic/01 Hunter.MP3')).toEqual({ found: true, fileid: 2 });
  });

  it('names the existing file on a case-only mismatch', () => {
    expect(lookupTrack(index, 'björk/homogenic/01 hunter.mp3')).toEqual({ found: false, caseVariant: 'Björk/Homogenic/01 Hunter.MP3' });
    expect(lookupTrack(index, 'nothing.mp3')).toEqual({ found: false });
  });
});

describe('matchTracks', () => {
  const index = createMusicIndex('/Music/', DEFAULT_MUSIC_TYPES, filesOfListing(listing));
  const map = createEntryMapper({ playlistDir: '/home/u/Music', prefix: '/home/u/Music', cwd: '/' });

  it('reports every unmatched track at once, with its line and reason, and drops repeats', () => {
    const result = matchTracks(
      [
        { line: 2, entry: 'Björk/Homogenic/01 Hunter.MP3' },
        { line: 3, entry: '/home/u/Music/Simon & Garfunkel/The Boxer.flac' },
        { line: 5, entry: 'björk/homogenic/01 hunter.mp3' },
        { line: 6, entry: 'cover.jpg' },
        { line: 7, entry: 'http://radio/x.mp3' },
        { line: 8, entry: 'Missing/y.mp3' },
        { line: 9, entry: 'file:///home/u/Music/Bj%C3%B6rk/Homogenic/01%20Hunter.MP3' },
      ],
      map,
      index,
    );
    expect(result.tracks).toEqual([
      { line: 2, relative: 'Björk/Homogenic/01 Hunter.MP3', fileid: 2 },
      { line: 3, relative: 'Simon & Garfunkel/The Boxer.flac', fileid: 4 },
    ]);
    expect(result.unmatched).toEqual([
      {
        line: 5,
        entry: 'björk/homogenic/01 hunter.mp3',
        reason: '/Music/björk/homogenic/01 hunter.mp3 not found; /Music/Björk/Homogenic/01 Hunter.MP3 exists (letter case differs)',
      },
      { line: 6, entry: 'cover.jpg', reason: '/Music/cover.jpg is not one of the music types (.mp3,.m4a,.flac,.alac)' },
      { line: 7, entry: 'http://radio/x.mp3', reason: 'http:// entries (streams) are not supported' },
      { line: 8, entry: 'Missing/y.mp3', reason: '/Music/Missing/y.mp3 not found on pCloud' },
    ]);
    expect(result.duplicates).toEqual([{ line: 9, firstLine: 2, relative: 'Björk/Homogenic/01 Hunter.MP3' }]);
  });
});
