import type { Metadata } from '@pcloud/core';
import { describe, expect, it } from 'vitest';
import { formatListingRow, listingRows } from '../src/list/format-listing.js';

const base = { ismine: true, isshared: false, icon: 'file', thumb: false, created: 'Sat, 24 Jul 2021 10:11:12 +0000' } as const;
const contents: Metadata[] = [
  {
    ...base,
    id: 'f2',
    isfolder: false,
    fileid: 2,
    name: 'b.txt',
    size: 1234,
    contenttype: 'text/plain',
    category: 4,
    hash: 1n,
    modified: 'Sat, 24 Jul 2021 10:11:12 +0000',
  },
  { ...base, id: 'd3', isfolder: true, folderid: 3, name: 'Music', modified: 'Sun, 01 Aug 2021 00:00:59 +0000' },
  {
    ...base,
    id: 'f4',
    isfolder: false,
    fileid: 4,
    name: 'a b&c.mp3',
    size: 0,
    contenttype: 'audio/mpeg',
    category: 3,
    hash: 2n,
    modified: 1_627_121_472,
  },
  {
    ...base,
    id: 'f5',
    isfolder: false,
    fileid: 5,
    name: 'gone',
    size: 1,
    contenttype: 'x',
    category: 0,
    hash: 3n,
    modified: 0,
    isdeleted: true,
  },
];

describe('listing', () => {
  it('orders folders first, then files by name, without deleted items', () => {
    const rows = listingRows('/x', contents);
    expect(rows.map((row) => row.path)).toEqual(['/x/Music', '/x/a b&c.mp3', '/x/b.txt']);
    expect(rows[1]).toEqual({
      path: '/x/a b&c.mp3',
      name: 'a b&c.mp3',
      type: 'file',
      size: 0,
      modified: 'Sat, 24 Jul 2021 10:11:12 +0000',
      id: 4,
    });
    expect(listingRows('/', contents)[0]?.path).toBe('/Music');
  });

  it('prints names, folders with a slash, and the long form', () => {
    const rows = listingRows('/', contents);
    expect(rows.map((row) => formatListingRow(row, false))).toEqual(['Music/', 'a b&c.mp3', 'b.txt']);
    expect(rows.map((row) => formatListingRow(row, true))).toEqual([
      'd              -  2021-08-01 00:00  Music/',
      '-              0  2021-07-24 10:11  a b&c.mp3',
      '-           1234  2021-07-24 10:11  b.txt',
    ]);
  });

  it('shows control characters in a name escaped, and keeps the exact name in the row', () => {
    const hostile: Metadata = { ...base, id: 'd6', isfolder: true, folderid: 6, name: '\u001b[2Jx\ny', modified: 0 };
    const [row] = listingRows('/', [hostile]);
    expect(row?.name).toBe('\u001b[2Jx\ny');
    expect(formatListingRow(row!, false)).toBe('\\x1b[2Jx\\ny/');
    expect(formatListingRow(row!, true)).toMatch(/ {2}\\x1b\[2Jx\\ny\/$/);
  });
});
