import { describe, expect, it } from 'vitest';
import { chunkFileIds, unwrapCollection } from '../../src/api/collections.js';
import type { Collection } from '../../src/client/types.js';

const collection = {
  id: 4,
  name: 'x',
  type: 'audio',
  ismine: true,
  system: false,
  items: 0,
  created: 'c',
  modified: 'm',
} satisfies Collection;

describe('collection shapes', () => {
  it('accepts the object the server sends and the array the docs show', () => {
    expect(unwrapCollection(collection, 'collection_create')).toBe(collection);
    expect(unwrapCollection([collection], 'collection_create')).toBe(collection);
    expect(() => unwrapCollection([], 'collection_rename')).toThrow('collection_rename: the answer carries no collection.');
  });

  it('chunks file ids and bounds the chunk size to 1–300', () => {
    expect(chunkFileIds([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunkFileIds([])).toEqual([]);
    expect(() => chunkFileIds([1], 301)).toThrow(/1 to 300/);
    expect(() => chunkFileIds([1], 0)).toThrow(/Invalid chunk size 0/);
  });
});
