/**
 * The full-text index (MiniSearch) over talks and free notes, with filters and snippets. Pure: it runs in the
 * search worker, or on the page where there is no worker, and in Node for the tests.
 */
import MiniSearch, { type AsPlainObject, type Options, type SearchResult } from 'minisearch';
import { TEXT_FIELDS, type SearchDoc, type TextField } from './documents';
import { indexTerms, MIN_QUERY, queryTerms } from './terms';
import { highlightAll, snippet, type Segment } from './snippet';
import { FastAddMiniSearch } from './term-map';

export { MIN_QUERY } from './terms';

/** What narrows a search besides its words; every field is optional. */
export interface SearchFilters {
  conferenceId?: string;
  starred?: boolean;
  hasPhotos?: boolean;
  /** Venue-local days, YYYY-MM-DD, inclusive. A talk without a day is left out when either is set. */
  from?: string;
  to?: string;
}

/** One result as the list shows it. */
export interface SearchHit {
  id: string;
  /** MiniSearch's relevance (1 for every talk when only filters were given): how answers from shards are merged. */
  score: number;
  conferenceId: string;
  conference: string;
  day: string;
  starred: boolean;
  hasPhotos: boolean;
  title: Segment[];
  /** The field the snippet comes from; null when only the title matched, and the snippet is the note's start. */
  field: TextField | null;
  snippet: Segment[];
  /** The note's words that matched, to select the first of them when the result is opened; empty when none did. */
  noteTerms: string[];
}

export interface SearchResponse {
  hits: SearchHit[];
  /** All matches, of which `hits` are the best. */
  total: number;
}

// Title and speakers outrank the rest, so "the talk by Kleppmann" comes before notes that mention him.
const BOOST: Partial<Record<TextField, number>> = { title: 5, speakers: 4, tags: 2, conference: 1.5, room: 1.5 };
const SNIPPET_ORDER: readonly TextField[] = ['body', 'abstract', 'speakers', 'tags', 'room', 'conference'];

/**
 * What a saved index was made with: raise it whenever the documents, the tokeniser or the options below change,
 * so an index saved by an older version is rebuilt instead of loaded.
 */
export const INDEX_FORMAT = 4;

/** A word counts as a whole once another follows it; only the word being typed (the last) is a prefix from 2 letters. */
const isPrefix = (term: string, i: number, terms: string[]): boolean => term.length >= (i === terms.length - 1 ? MIN_QUERY : 3);

const OPTIONS: Options<SearchDoc> = {
  fields: [...TEXT_FIELDS],
  storeFields: [],
  // Vacuuming walks the term tree in batches with pauses between them, and a word added (or dropped by a search)
  // during a pause can reshape a part of the tree the walk still holds: it then fails on a branch that is gone. The
  // engine vacuums itself, between two requests and without pauses (see vacuum() below).
  autoVacuum: false,
  // Words are runs of letters, digits and accents: Markdown's `code`, <tags> and a|b split like spaces do. A field
  // is folded once as a whole (one lower-casing of a plain-ASCII note) rather than word by word.
  tokenize: indexTerms,
  processTerm: (term) => term,
  searchOptions: {
    boost: BOOST,
    combineWith: 'AND',
    // The word being typed is a prefix; one-letter words say little and would match half the vocabulary.
    prefix: isPrefix,
    // One typo is tolerated in longer words only: in short ones it matches too many other words.
    fuzzy: (term) => (term.length >= 5 ? 1 : false),
    tokenize: queryTerms,
    processTerm: (term) => term,
  },
};

/** The saved form of an index (see SearchIndex.toJSON). */
interface Saved {
  format: number;
  mini: AsPlainObject;
  docs: SearchDoc[];
}

/** The index, and the documents it was built from (for filters and snippets). */
export class SearchIndex {
  private readonly docs: Map<string, SearchDoc>;
  private readonly mini: MiniSearch<SearchDoc>;

  constructor(saved?: Saved) {
    this.docs = new Map(saved?.docs.map((d) => [d.id, d]));
    this.mini = saved ? MiniSearch.loadJS(saved.mini, OPTIONS) : new FastAddMiniSearch(OPTIONS);
  }

  /** The index and its documents as one JSON text, to be stored and loaded by fromJSON at a later start. */
  toJSON(): string {
    const saved: Saved = { format: INDEX_FORMAT, mini: this.mini.toJSON(), docs: [...this.docs.values()] };
    return JSON.stringify(saved);
  }

  /** An index saved by toJSON; throws when the text is not one, or was saved in another format. */
  static fromJSON(json: string): SearchIndex {
    const saved = JSON.parse(json) as Saved;
    if (saved?.format !== INDEX_FORMAT || !Array.isArray(saved.docs)) throw new Error('saved search index in another format');
    return new SearchIndex(saved);
  }

  get size(): number {
    return this.docs.size;
  }

  /** The document stored for an id, or undefined. */
  get(id: string): SearchDoc | undefined {
    return this.docs.get(id);
  }

  /** Ids and `updated` stamps of every document, to compare with the database. */
  stamps(): Map<string, string> {
    return new Map([...this.docs.values()].map((d) => [d.id, d.updated]));
  }

  /** Adds documents, replacing any already held under the same id. */
  upsert(docs: readonly SearchDoc[]): void {
    for (const doc of docs) {
      if (this.docs.has(doc.id)) this.mini.discard(doc.id);
      this.docs.set(doc.id, doc);
      this.mini.add(doc);
    }
  }

  /**
   * Whether removed and replaced documents have left enough of their words behind to clear them: MiniSearch's own
   * thresholds (20 documents, and a tenth of the index).
   */
  get needsVacuum(): boolean {
    return this.mini.dirtCount >= 20 && this.mini.dirtFactor >= 0.1;
  }

  /**
   * Clears the words of removed documents, in one go: a search changes the tree too (it drops the words of removed
   * documents it meets), so no pause is left in which anything could. About a tenth of a second for 10,000 talks
   * (or one shard of them) on this machine, in the worker, once a tenth of the index has changed.
   */
  vacuum(): Promise<void> {
    return this.mini.vacuum({ batchSize: Number.MAX_SAFE_INTEGER });
  }

  /** Removes documents by id; unknown ids are ignored. */
  remove(ids: readonly string[]): void {
    for (const id of ids) {
      if (!this.docs.delete(id)) continue;
      this.mini.discard(id);
    }
  }

  /** The best `limit` matches of the query under the filters; with no words, every talk the filters let through. */
  search(query: string, filters: SearchFilters = {}, limit = 50): SearchResponse {
    // No filter callback at all without filters: it would run for each of thousands of matches of a short prefix.
    const filter = hasFilters(filters) ? (r: SearchResult): boolean => passes(this.docs.get(r.id as string), filters) : undefined;
    const words = query.trim();
    let results: SearchResult[];
    if (words.length >= MIN_QUERY) results = this.mini.search(words, filter ? { filter } : {});
    else if (words === '' && hasFilters(filters))
      // Filters alone list what they let through, latest days first.
      results = this.mini.search(MiniSearch.wildcard, { filter }).sort((a, b) => this.dayOf(b).localeCompare(this.dayOf(a)));
    else results = [];
    return { total: results.length, hits: results.slice(0, limit).map((r) => this.hit(r)) };
  }

  private dayOf(r: SearchResult): string {
    return this.docs.get(r.id as string)?.day ?? '';
  }

  private hit(r: SearchResult): SearchHit {
    const doc = this.docs.get(r.id as string)!;
    // MiniSearch names the document's own words that matched (after prefix and typo expansion), already folded.
    const terms = r.terms;
    const fieldsHit = new Set(Object.values(r.match as Record<string, string[]>).flat());
    const field = SNIPPET_ORDER.find((f) => fieldsHit.has(f)) ?? null;
    const bodyTerms = terms.filter((t) => (r.match as Record<string, string[]>)[t]?.includes('body'));
    return {
      id: doc.id,
      score: r.score,
      conferenceId: doc.conferenceId,
      conference: doc.conference,
      day: doc.day,
      starred: doc.starred,
      hasPhotos: doc.hasPhotos,
      title: highlightAll(doc.title, terms),
      field,
      snippet: field ? snippet(doc[field], terms) : snippet(doc.body, []),
      noteTerms: bodyTerms,
    };
  }
}

function hasFilters(f: SearchFilters): boolean {
  return Boolean(f.conferenceId || f.starred || f.hasPhotos || f.from || f.to);
}

function passes(doc: SearchDoc | undefined, f: SearchFilters): boolean {
  if (!doc) return false;
  if (f.conferenceId && doc.conferenceId !== f.conferenceId) return false;
  if (f.starred && !doc.starred) return false;
  if (f.hasPhotos && !doc.hasPhotos) return false;
  if ((f.from || f.to) && !doc.day) return false;
  if (f.from && doc.day < f.from) return false;
  if (f.to && doc.day > f.to) return false;
  return true;
}
