import { describe, expect, it } from 'vitest';
import { indexTerms, queryTerms, STOP_WORDS } from '../../src/search/terms';
import { SearchIndex } from '../../src/search/search-index';
import type { SearchDoc } from '../../src/search/documents';

describe('index terms', () => {
  it('folds, splits on anything but letters and digits, and leaves out one letter and the commonest words', () => {
    expect(indexTerms('The state of the art: Müller’s CRDTs, in K.1.105 (a talk)')).toEqual(['state', 'art', 'muller', 'crdts', '1', '105', 'talk']);
  });

  it('splits plain ASCII and accented text into the same words', () => {
    expect(indexTerms('merge-rules/and_more')).toEqual(['merge', 'rules', 'more']);
    expect(indexTerms('mérge-rulés/and_more')).toEqual(['merge', 'rules', 'more']);
  });

  it('keeps words that can be names in this field', () => {
    for (const w of ['go', 'it', 'can', 'do', 'not']) expect(STOP_WORDS.has(w), w).toBe(false);
  });
});

describe('query terms', () => {
  it('drops stop words and one letter, except the word being typed', () => {
    expect(queryTerms('state of the art')).toEqual(['state', 'art']);
    expect(queryTerms('state of th')).toEqual(['state', 'th']);
    expect(queryTerms('state of the')).toEqual(['state', 'the']);
    expect(queryTerms('Müller s')).toEqual(['muller']);
    expect(queryTerms('room 2')).toEqual(['room', '2']);
  });
});

describe('search with stop words left out', () => {
  const doc = (id: string, title: string, body = ''): SearchDoc => ({
    id,
    title,
    speakers: '',
    body,
    abstract: '',
    tags: '',
    room: '',
    conference: 'FOSDEM',
    conferenceId: 'c',
    day: '2021-02-06',
    starred: false,
    hasPhotos: false,
    updated: '2021-02-06T10:00:00Z',
  });

  it('finds a phrase by its other words, and a stop word being typed as the prefix of a longer one', () => {
    const index = new SearchIndex();
    index.upsert([doc('a', 'The state of the art in sync'), doc('b', 'Theory of merging'), doc('c', 'Other things', 'nothing of the kind')]);
    expect(index.search('state of the art').hits.map((h) => h.id)).toEqual(['a']);
    // "th" is on its way to Theory and things; the stop word "the" itself is in no index.
    expect(index.search('th').hits.map((h) => h.id).sort()).toEqual(['b', 'c']);
    expect(index.search('of').hits).toEqual([]);
  });
});
