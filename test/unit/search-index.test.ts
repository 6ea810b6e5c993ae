// The search index: ranking, accents, typos, prefixes, filters, updates and deletes, and safe snippets.
import { describe, expect, it } from 'vitest';
import { toSearchDoc } from '../../src/search/documents';
import { firstMatch } from '../../src/search/first-match';
import { SearchIndex } from '../../src/search/search-index';
import type { Segment } from '../../src/search/snippet';
import { snippet } from '../../src/search/snippet';
import { talk } from '../helpers/factories';
import type { Talk } from '../../src/model/types';

function indexOf(...talks: Talk[]): SearchIndex {
  const index = new SearchIndex();
  index.upsert(talks.map((t) => toSearchDoc(t, t.conferenceId === 'fosdem' ? 'FOSDEM 2026' : 'RustConf 2025')));
  return index;
}
const ids = (index: SearchIndex, q: string, filters = {}): string[] => index.search(q, filters).hits.map((h) => h.id);
const marked = (segments: Segment[]): string[] => segments.filter((s) => s.hit).map((s) => s.text);

describe('matching', () => {
  const crdt = talk({ id: 'crdt', title: 'CRDTs in practice', body: 'Automerge keeps the whole history.' });
  const other = talk({ id: 'other', title: 'Kernel scheduling', body: 'Nothing about merging here.' });

  it('finds words by prefix while they are typed', () => {
    const index = indexOf(crdt, other);
    expect(ids(index, 'au')).toEqual(['crdt']);
    expect(ids(index, 'automer')).toEqual(['crdt']);
    expect(ids(index, 'sched')).toEqual(['other']);
  });

  it('tolerates one typo in longer words, but not in short ones', () => {
    const index = indexOf(crdt, other);
    expect(ids(index, 'automege')).toEqual(['crdt']);
    expect(ids(index, 'kernal')).toEqual(['other']);
    expect(ids(index, 'hystery')).toEqual([]);
    expect(ids(index, 'crdx')).toEqual([]);
  });

  it('ignores accents and case both ways', () => {
    const index = indexOf(
      talk({ id: 'muller', title: 'Stream processing', speakers: [{ name: 'Jana Müller', affiliation: 'Universität Wien' }] }),
      talk({ id: 'cafe', title: 'Cafe culture', body: 'Notes from the CAFE' }),
    );
    expect(ids(index, 'Muller')).toEqual(['muller']);
    expect(ids(index, 'müller')).toEqual(['muller']);
    expect(ids(index, 'universitat wien')).toEqual(['muller']);
    expect(ids(index, 'café')).toEqual(['cafe']);
  });

  it('needs every word of the query, in any field', () => {
    const index = indexOf(
      talk({ id: 'a', title: 'Sync engines', room: 'K.1.105', tags: ['crdt'] }),
      talk({ id: 'b', title: 'Sync engines', room: 'H.2215' }),
    );
    expect(ids(index, 'sync crdt')).toEqual(['a']);
    expect(ids(index, 'sync h.2215')).toEqual(['b']);
  });

  it('searches abstracts, tags, rooms, tracks and conference names', () => {
    const index = indexOf(
      talk({ id: 'abs', conferenceId: 'fosdem', abstract: 'A tour of Wasmtime internals' }),
      talk({ id: 'room', conferenceId: 'rust', room: 'Janson', track: 'Keynotes' }),
    );
    expect(ids(index, 'wasmtime')).toEqual(['abs']);
    expect(ids(index, 'janson')).toEqual(['room']);
    expect(ids(index, 'keynotes')).toEqual(['room']);
    expect(ids(index, 'fosdem')).toEqual(['abs']);
    expect(ids(index, 'rustconf')).toEqual(['room']);
  });

  it('finds nothing for a single letter, which would match most words', () => {
    expect(indexOf(crdt).search('a').total).toBe(0);
  });
});

describe('ranking', () => {
  it('puts title and speaker matches before matches in notes, however often the notes say it', () => {
    const index = indexOf(
      talk({ id: 'notes', title: 'Hallway track', body: 'kleppmann said… kleppmann again, kleppmann kleppmann. '.repeat(5) }),
      talk({ id: 'title', title: 'Kleppmann on local-first software' }),
      talk({ id: 'speaker', title: 'Local-first, ten years on', speakers: [{ name: 'Martin Kleppmann', affiliation: '' }] }),
    );
    const order = ids(index, 'kleppmann');
    expect(order.slice(0, 2).sort()).toEqual(['speaker', 'title']);
    expect(order[2]).toBe('notes');
  });

  it('puts an exact word before a typo or a longer word', () => {
    const index = indexOf(talk({ id: 'long', title: 'Merges everywhere' }), talk({ id: 'exact', title: 'Merge' }));
    expect(ids(index, 'merge')[0]).toBe('exact');
  });
});

describe('filters', () => {
  const talks = [
    talk({ id: 'f1', conferenceId: 'fosdem', day: '2026-01-31', starred: true, title: 'Sync one' }),
    talk({ id: 'f2', conferenceId: 'fosdem', day: '2026-02-01', title: 'Sync two', attachments: [{ sha256: 'x', name: 'a.jpg', type: 'image/jpeg', size: 1, caption: '' }] }),
    talk({ id: 'r1', conferenceId: 'rust', day: '2025-09-02', starred: true, title: 'Sync three' }),
    talk({ id: 'n1', conferenceId: 'rust', day: '', title: 'Sync without a day' }),
  ];
  const index = indexOf(...talks);

  it.each([
    [{ conferenceId: 'fosdem' }, ['f1', 'f2']],
    [{ starred: true }, ['f1', 'r1']],
    [{ hasPhotos: true }, ['f2']],
    [{ from: '2026-01-01' }, ['f1', 'f2']],
    [{ to: '2026-01-31' }, ['f1', 'r1']],
    [{ from: '2026-01-31', to: '2026-01-31', starred: true }, ['f1']],
  ])('%o keeps only %o', (filters, expected) => {
    expect(ids(index, 'sync', filters).sort()).toEqual(expected);
  });

  it('lists what the filters let through when there are no words, latest day first', () => {
    expect(ids(index, '', { starred: true })).toEqual(['f1', 'r1']);
    expect(index.search('', {}).total).toBe(0);
  });
});

describe('updates and deletes', () => {
  it('finds edited text and forgets the old text', () => {
    const t = talk({ id: 'e', title: 'Edited', body: 'first draft about raft' });
    const index = indexOf(t);
    index.upsert([toSearchDoc({ ...t, body: 'now about paxos' }, '')]);
    expect(ids(index, 'paxos')).toEqual(['e']);
    expect(ids(index, 'raft')).toEqual([]);
    expect(index.size).toBe(1);
  });

  it('forgets removed talks, and ignores ids it never had', () => {
    const index = indexOf(talk({ id: 'gone', title: 'Temporary' }), talk({ id: 'kept', title: 'Temporary too' }));
    index.remove(['gone', 'never-there']);
    expect(ids(index, 'temporary')).toEqual(['kept']);
    index.upsert([toSearchDoc(talk({ id: 'gone', title: 'Temporary again' }), '')]);
    expect(ids(index, 'temporary').sort()).toEqual(['gone', 'kept']);
  });
});

describe('saving', () => {
  it('loads a saved index that finds, ranks and filters as the one saved', () => {
    const index = indexOf(
      talk({ id: 'notes', conferenceId: 'fosdem', starred: true, title: 'Hallway track', body: 'kleppmann said so' }),
      talk({ id: 'title', title: 'Kleppmann on local-first software' }),
    );
    const loaded = SearchIndex.fromJSON(index.toJSON());
    expect(loaded.size).toBe(2);
    expect(ids(loaded, 'kleppman')).toEqual(['title', 'notes']);
    expect(ids(loaded, 'klepmann', { starred: true })).toEqual(['notes']);
    loaded.remove(['title']);
    expect(ids(loaded, 'kleppmann')).toEqual(['notes']);
  });

  it('refuses text that is not a saved index of this format', () => {
    expect(() => SearchIndex.fromJSON('{"format":1,"docs":[]}')).toThrow(/format/);
    expect(() => SearchIndex.fromJSON('{')).toThrow();
  });
});

describe('words before the last', () => {
  it('are whole words unless they are long enough to be meant as a prefix', () => {
    const index = indexOf(talk({ id: 'go', title: 'Go generics' }), talk({ id: 'gopher', title: 'Gophers and generics' }));
    // Only the word being typed is a prefix from two letters.
    expect(ids(index, 'go generics')).toEqual(['go']);
    expect(ids(index, 'generics go').sort()).toEqual(['go', 'gopher']);
    expect(ids(index, 'goph generics')).toEqual(['gopher']);
  });
});

describe('results', () => {
  it('highlights the matched words in the title and a snippet of the note, as text pieces', () => {
    const body = `${'Intro words. '.repeat(30)}Then <b>Müller</b> showed the merge algorithm.${' More words.'.repeat(30)}`;
    const index = indexOf(talk({ id: 'h', title: 'Merge algorithms', body }));
    const [hit] = index.search('muller merg').hits;
    expect(marked(hit!.title)).toEqual(['Merge']);
    expect(hit!.field).toBe('body');
    expect(marked(hit!.snippet)).toEqual(['Müller', 'merge']);
    // Markup typed in a note stays text: the UI renders pieces, never HTML.
    expect(hit!.snippet.map((s) => s.text).join('')).toContain('<b>');
    expect(hit!.snippet[0]!.text).toBe('…');
    expect(hit!.noteTerms.sort()).toEqual(['merge', 'muller']);
  });

  it('shows the start of the note when only the title matched', () => {
    const index = indexOf(talk({ id: 't', title: 'Observability', body: 'Three pillars.' }));
    const [hit] = index.search('observ').hits;
    expect(hit!.field).toBeNull();
    expect(hit!.snippet.map((s) => s.text).join('')).toBe('Three pillars.');
    expect(hit!.noteTerms).toEqual([]);
  });

  it('marks only word starts, with accents kept in the original text', () => {
    expect(marked(snippet('Crème brûlée; a creme-based dessert, not increment', ['creme']))).toEqual(['Crème', 'creme']);
  });
});

describe('firstMatch, for the note opened from a result', () => {
  it('finds the earliest of the words, accent-insensitively, at word starts', () => {
    const text = 'merged later; first Zürich, then merge';
    expect(firstMatch(text, ['merge', 'zurich'])).toEqual([0, 5]);
    expect(firstMatch('rezurich Zürich', ['zurich'])).toEqual([9, 15]);
    expect(firstMatch('nothing', ['zurich'])).toBeNull();
  });
});
