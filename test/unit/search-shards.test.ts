// Splitting the index by ranges of ids, and merging the shards' answers.
import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../src/search/search-index';
import { byShard, mergeResponses, shardBounds, shardOf, shardRange } from '../../src/search/shards';

const hit = (id: string, score: number, day = ''): SearchHit => ({
  id, score, day, conferenceId: 'c', conference: 'C', starred: false, hasPhotos: false, title: [], field: null, snippet: [], noteTerms: [],
});

describe('shard ranges', () => {
  it('split UUIDs at hexadecimal digits and cover every id once', () => {
    expect(shardBounds(1)).toEqual(['']);
    expect(shardBounds(2)).toEqual(['', '8']);
    expect(shardBounds(4)).toEqual(['', '4', '8', 'c']);
    const bounds = shardBounds(2);
    expect(shardOf('0f3c', bounds)).toBe(0);
    expect(shardOf('7fff', bounds)).toBe(0);
    expect(shardOf('8000', bounds)).toBe(1);
    expect(shardOf('ffff', bounds)).toBe(1);
    // Not a UUID: some shard, always the same.
    expect(shardOf('t-0001', bounds)).toBe(1);
    expect(shardOf('', bounds)).toBe(0);
    expect(shardRange(0, bounds)).toEqual({ from: '', below: '8' });
    expect(shardRange(1, bounds)).toEqual({ from: '8', below: null });
  });

  it('group items by the shard of their id', () => {
    expect(byShard(['a1', '12', '9f', '00'], (id) => id, shardBounds(2))).toEqual([['12', '00'], ['a1', '9f']]);
    expect(byShard([], (id: string) => id, shardBounds(2))).toEqual([[], []]);
  });
});

describe('mergeResponses', () => {
  it('keeps the best hits of all shards by score, and adds up the totals', () => {
    const merged = mergeResponses(
      [
        { hits: [hit('a', 9), hit('b', 4), hit('c', 1)], total: 30 },
        { hits: [hit('x', 7), hit('y', 5)], total: 12 },
      ],
      4,
    );
    expect(merged.hits.map((h) => h.id)).toEqual(['a', 'x', 'y', 'b']);
    expect(merged.total).toBe(42);
  });

  it('puts later days first among equal scores (a search by filters alone)', () => {
    const merged = mergeResponses(
      [
        { hits: [hit('a', 1, '2026-03-04'), hit('b', 1, '2026-03-01')], total: 2 },
        { hits: [hit('x', 1, '2026-03-05'), hit('y', 1, '2026-03-02'), hit('z', 1, '')], total: 3 },
      ],
      50,
    );
    expect(merged.hits.map((h) => h.id)).toEqual(['x', 'a', 'y', 'b', 'z']);
  });

  it('returns a single shard\'s answer as it is', () => {
    const only = { hits: [hit('b', 1), hit('a', 2)], total: 2 };
    expect(mergeResponses([only], 1)).toBe(only);
  });
});
