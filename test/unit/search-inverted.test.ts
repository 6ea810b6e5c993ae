// The inverted index under SearchIndex: words, expansion by prefix and typo, AND scoring, compaction and its saved form.
import { describe, expect, it } from 'vitest';
import { InvertedIndex, oneEditApart, type Expansion } from '../../src/search/inverted';
import { fold } from '../../src/search/fold';
import { words } from '../../src/search/words';

const BOOSTS = [3, 1];

function indexOf(docs: Record<string, [string, string]>): InvertedIndex {
  const index = new InvertedIndex(2);
  for (const [id, texts] of Object.entries(docs)) index.add(id, texts);
  return index;
}

/** Adds a document again with new texts, as SearchIndex does on an edit. */
function replace(index: InvertedIndex, id: string, before: [string, string], after: [string, string]): void {
  index.remove(id, before);
  index.add(id, after);
}

/** Ids matching every word, best first, each word a prefix and fuzzy as SearchIndex would ask. */
function find(index: InvertedIndex, query: string, prefix = true, fuzzy = false): string[] {
  const groups = words(fold(query)).map((w) => index.expand(w, prefix, fuzzy));
  return index.search(groups, BOOSTS, 50).top.map((s) => s.id);
}

describe('words', () => {
  it('are runs of letters, digits and marks in folded text; everything else splits', () => {
    expect(words(fold('Naïve `code`, <b>bold</b> a|b x_y H.2215'))).toEqual(['naive', 'code', 'b', 'bold', 'b', 'a', 'b', 'x', 'y', 'h', '2215']);
    expect(words(fold('Łęcki — Rosenkränzer!'))).toEqual(['łecki', 'rosenkranzer']);
    expect(words('')).toEqual([]);
  });

  it('keep letters outside the BMP whole and split at emoji', () => {
    expect(words('𝔘nicode😀here')).toEqual(['𝔘nicode', 'here']);
  });
});

describe('oneEditApart', () => {
  it.each([
    ['database', 'databse', true],
    ['kernel', 'kernal', true],
    ['merge', 'merges', true],
    ['merge', 'emerge', true],
    ['history', 'hystery', false],
    ['merge', 'mergers', false],
    ['abc', 'acb', false],
  ])('%s / %s: %s', (a, b, expected) => {
    expect(oneEditApart(a, b)).toBe(expected);
    expect(oneEditApart(b, a)).toBe(expected);
  });
});

describe('expand', () => {
  const index = indexOf({ a: ['merge', 'merges merged emerge'], b: ['kernel', ''] });
  const terms = (e: Expansion[]): string[] => e.map((x) => x.term).sort();

  it('weighs the word itself above its longer forms and its typos', () => {
    const e = index.expand('merge', true, true);
    expect(terms(e)).toEqual(['emerge', 'merge', 'merged', 'merges']);
    const weight = (t: string): number => e.find((x) => x.term === t)!.weight;
    expect(weight('merge')).toBe(1);
    expect(weight('merges')).toBeLessThan(1);
    expect(weight('emerge')).toBeLessThan(1);
  });

  it('adds nothing that was not asked for', () => {
    expect(terms(index.expand('merge', false, false))).toEqual(['merge']);
    expect(terms(index.expand('kernal', false, true))).toEqual(['kernel']);
    expect(terms(index.expand('kern', true, false))).toEqual(['kernel']);
    expect(index.expand('zzz', true, true)).toEqual([]);
  });

  it('finds words added after the vocabulary was last sorted', () => {
    const grown = indexOf({ a: ['alpha', ''] });
    expect(terms(grown.expand('al', true, false))).toEqual(['alpha']);
    grown.add('b', ['alps altitude', '']);
    expect(terms(grown.expand('al', true, false))).toEqual(['alpha', 'alps', 'altitude']);
  });
});

describe('search', () => {
  it('needs every word, in any field, and ranks the boosted field first', () => {
    const index = indexOf({ body: ['notes', 'rust sync'], title: ['rust', 'sync'], one: ['rust', ''] });
    expect(find(index, 'rust sync')).toEqual(['title', 'body']);
    expect(index.search([index.expand('rust', false, false)], BOOSTS, 50).total).toBe(3);
  });

  it('reports the fields matched, one bit per field', () => {
    const index = indexOf({ a: ['rust', 'rustacean'] });
    const [hit] = index.search([index.expand('rust', true, false)], BOOSTS, 50).top;
    expect(hit!.fields).toBe(0b11);
  });

  it('keeps the best `limit` and counts them all, and leaves out what `accept` refuses', () => {
    const docs: Record<string, [string, string]> = {};
    for (let i = 0; i < 30; i++) docs[`d${i}`] = [i === 17 ? 'common' : '', 'common '.repeat(1 + (i % 3))];
    const index = indexOf(docs);
    const found = index.search([index.expand('common', false, false)], BOOSTS, 5);
    expect(found.total).toBe(30);
    expect(found.top).toHaveLength(5);
    expect(found.top[0]!.id).toBe('d17');
    expect(found.top.map((s) => s.score)).toEqual([...found.top.map((s) => s.score)].sort((a, b) => b - a));
    expect(index.search([index.expand('common', false, false)], BOOSTS, 5, (id) => id !== 'd17').total).toBe(29);
  });
});

describe('updates', () => {
  it('replaces a document added again, and compacts once many were replaced, finding only the latest text', () => {
    const index = indexOf({ other: ['stable', 'text'] });
    index.add('edited', ['draft', 'version0']);
    for (let i = 1; i < 2_500; i++) replace(index, 'edited', ['draft', `version${i - 1}`], ['draft', `version${i}`]);
    expect(index.size).toBe(2);
    expect(find(index, 'version2499', false)).toEqual(['edited']);
    expect(find(index, 'version17', false)).toEqual([]);
    expect(find(index, 'draft')).toEqual(['edited']);
    expect(find(index, 'stable')).toEqual(['other']);
    // Words of replaced versions are gone from the vocabulary once compacted, not only skipped.
    expect(index.expand('version1', true, false).length).toBeLessThan(1_000);
  });

  it('saves only live documents, numbered afresh, and loads to the same answers', () => {
    const index = indexOf({ a: ['alpha', 'shared'], b: ['beta', 'shared'], c: ['gamma', 'shared words'] });
    index.remove('b', ['beta', 'shared']);
    replace(index, 'a', ['alpha', 'shared'], ['alpha again', 'shared']);
    const ids = index.documentIds();
    expect(ids).toEqual(['c', 'a']);
    const saved = JSON.parse(JSON.stringify(index.save()));
    const loaded = InvertedIndex.load(2, ids, saved);
    for (const q of ['shared', 'alpha', 'beta', 'gam', 'shared wor']) expect(find(loaded, q)).toEqual(find(index, q));
    expect(find(loaded, 'beta')).toEqual([]);
    expect(loaded.search([loaded.expand('shared', false, false)], BOOSTS, 50)).toEqual(index.search([index.expand('shared', false, false)], BOOSTS, 50));
  });

  it('counts the documents holding a word exactly after removals, so a common word never outweighs a rare one', () => {
    const index = indexOf({ a: ['', 'common rare'], b: ['', 'common'], c: ['', 'common'] });
    for (const id of ['b', 'c']) replace(index, id, ['', 'common'], ['', 'common']);
    index.remove('c', ['', 'common']);
    const score = (w: string): number => index.search([index.expand(w, false, false)], BOOSTS, 50).top.find((s) => s.id === 'a')!.score;
    expect(score('common')).toBeGreaterThan(0);
    expect(score('common')).toBeLessThan(score('rare'));
  });

  it('refuses a document already held under the same id', () => {
    expect(() => indexOf({ a: ['alpha', ''] }).add('a', ['again', ''])).toThrow(/already/);
  });

  it('refuses saved postings that do not fit their documents', () => {
    const saved = indexOf({ a: ['alpha', ''] }).save();
    expect(() => InvertedIndex.load(2, ['a', 'b'], saved)).toThrow(/fit/);
    expect(() => InvertedIndex.load(2, ['a'], { ...saved, postings: [[999, 1]] })).toThrow(/range/);
  });
});
