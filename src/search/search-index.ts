/**
 * The full-text index over talks and free notes, with filters and snippets. Pure: it runs in the search worker, or
 * on the page where there is no worker, and in Node for the tests.
 */
import { TEXT_FIELDS, type SearchDoc, type TextField } from './documents';
import { fold } from './fold';
import { InvertedIndex, type Expansion, type SavedPostings } from './inverted';
import { highlightAll, snippet, type Segment } from './snippet';
import { eachWord, words } from './words';

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
const BOOST: Record<TextField, number> = { title: 5, speakers: 4, body: 1, abstract: 1, tags: 2, conference: 1.5, room: 1.5 };
const BOOSTS = TEXT_FIELDS.map((f) => BOOST[f]);
const SNIPPET_ORDER: readonly TextField[] = ['body', 'abstract', 'speakers', 'tags', 'room', 'conference'];

/** Queries shorter than this find nothing: a one-letter prefix matches most of the vocabulary and says little. */
export const MIN_QUERY = 2;

/**
 * What a saved index was made with: raise it whenever the documents, the tokeniser or the saved form change, so an
 * index saved by an older version is rebuilt instead of loaded.
 */
export const INDEX_FORMAT = 3;

/** The words of a query the index looks for: folded; one-letter words only when they are digits. */
function queryWords(query: string): string[] {
  return words(fold(query)).filter((w) => w.length >= MIN_QUERY || /\d/.test(w));
}

/** A word counts as a whole once another follows it; only the word being typed (the last) is a prefix from 2 letters. */
const isPrefix = (word: string, i: number, all: readonly string[]): boolean => word.length >= (i === all.length - 1 ? MIN_QUERY : 3);
/** One typo is tolerated in longer words only: in short ones it matches too many other words. */
const isFuzzy = (word: string): boolean => word.length >= 5;

/** The saved form of an index (see SearchIndex.toJSON). */
interface Saved {
  format: number;
  docs: SearchDoc[];
  postings: SavedPostings;
}

/** The index, and the documents it was built from (for filters and snippets). */
export class SearchIndex {
  private readonly docs: Map<string, SearchDoc>;
  private readonly index: InvertedIndex;

  /** An empty index, or (fromJSON) a saved one's documents and postings. */
  constructor(docs = new Map<string, SearchDoc>(), index = new InvertedIndex(TEXT_FIELDS.length)) {
    this.docs = docs;
    this.index = index;
  }

  /** The index and its documents as one JSON text, to be stored and loaded by fromJSON at a later start. */
  toJSON(): string {
    const saved: Saved = {
      format: INDEX_FORMAT,
      // In the index's own order: the saved postings number the documents by their place here.
      docs: this.index.documentIds().map((id) => this.docs.get(id)!),
      postings: this.index.save(),
    };
    return JSON.stringify(saved);
  }

  /** An index saved by toJSON; throws when the text is not one, or was saved in another format. */
  static fromJSON(json: string): SearchIndex {
    const saved = JSON.parse(json) as Saved;
    if (saved?.format !== INDEX_FORMAT || !Array.isArray(saved.docs) || typeof saved.postings !== 'object') throw new Error('saved search index in another format');
    const index = InvertedIndex.load(
      TEXT_FIELDS.length,
      saved.docs.map((d) => d.id),
      saved.postings,
    );
    return new SearchIndex(new Map(saved.docs.map((d) => [d.id, d])), index);
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
      const old = this.docs.get(doc.id);
      if (old) this.index.remove(doc.id, texts(old));
      this.docs.set(doc.id, doc);
      this.index.add(doc.id, texts(doc));
    }
  }

  /** Removes documents by id; unknown ids are ignored. */
  remove(ids: readonly string[]): void {
    for (const id of ids) {
      const old = this.docs.get(id);
      if (!old) continue;
      this.docs.delete(id);
      this.index.remove(id, texts(old));
    }
  }

  /** The best `limit` matches of the query under the filters; with no words, every talk the filters let through. */
  search(query: string, filters: SearchFilters = {}, limit = 50): SearchResponse {
    const accept = hasFilters(filters) ? (id: string): boolean => passes(this.docs.get(id), filters) : undefined;
    const trimmed = query.trim();
    if (trimmed === '') return accept ? this.filtered(accept, limit) : { total: 0, hits: [] };
    if (trimmed.length < MIN_QUERY) return { total: 0, hits: [] };
    const all = queryWords(trimmed);
    if (!all.length) return { total: 0, hits: [] };
    const groups = all.map((w, i) => this.index.expand(w, isPrefix(w, i, all), isFuzzy(w)));
    const { total, top } = this.index.search(groups, BOOSTS, limit, accept);
    const expanded = new Set(groups.flatMap((g: Expansion[]) => g.map((e) => e.term)));
    return { total, hits: top.map((r) => this.hit(this.docs.get(r.id)!, r.fields, expanded)) };
  }

  /** Filters alone list what they let through, latest days first. */
  private filtered(accept: (id: string) => boolean, limit: number): SearchResponse {
    const through = [...this.docs.values()].filter((d) => accept(d.id)).sort((a, b) => b.day.localeCompare(a.day));
    return { total: through.length, hits: through.slice(0, limit).map((d) => this.hit(d, 0, new Set())) };
  }

  /** A result as the list shows it; `fields` has bit i set when the query matched field i (TEXT_FIELDS' order). */
  private hit(doc: SearchDoc, fields: number, expanded: ReadonlySet<string>): SearchHit {
    const field = SNIPPET_ORDER.find((f) => fields & (1 << TEXT_FIELDS.indexOf(f))) ?? null;
    // The document's own words that matched (after prefix and typo expansion), read again for this result only.
    const noteTerms = matchedWords(doc.body, expanded);
    const terms = [...new Set([...matchedWords(doc.title, expanded), ...(field && field !== 'body' ? matchedWords(doc[field], expanded) : []), ...noteTerms])];
    return {
      id: doc.id,
      conferenceId: doc.conferenceId,
      conference: doc.conference,
      day: doc.day,
      starred: doc.starred,
      hasPhotos: doc.hasPhotos,
      title: highlightAll(doc.title, terms),
      field,
      snippet: field ? snippet(doc[field], terms) : snippet(doc.body, []),
      noteTerms: field === 'body' || fields & (1 << TEXT_FIELDS.indexOf('body')) ? noteTerms : [],
    };
  }
}

/** A document's searchable texts, in TEXT_FIELDS' order (the index's fields). */
const texts = (doc: SearchDoc): string[] => TEXT_FIELDS.map((f) => doc[f]);

/** The distinct words of a text that are among `expanded`, in the order they first occur. */
function matchedWords(text: string, expanded: ReadonlySet<string>): string[] {
  if (!text || !expanded.size) return [];
  const found = new Set<string>();
  eachWord(fold(text), (w) => {
    if (expanded.has(w)) found.add(w);
  });
  return [...found];
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
