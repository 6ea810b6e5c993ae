/** Messages between the page and the search index (in its worker, or on the page where there is none). */
import type { SearchDoc } from './documents';
import type { SearchFilters, SearchResponse } from './search-index';

/** A saved index: a Blob from the worker (the page never copies its text), the JSON text itself on the page. */
export type SavedIndex = Blob | string;

/** Talk ids from `from` (inclusive) to `below` (exclusive; null: to the last): the part of the talks a shard holds. */
export interface IdRange {
  from: string;
  below: string | null;
}

export type IndexRequest =
  | { type: 'upsert'; docs: SearchDoc[] }
  /** Reads every live talk in `range` from the database into the index; `names`: each conference's name, by id. */
  | { type: 'read'; seq: number; names: Array<[string, string]>; range: IdRange }
  | { type: 'remove'; ids: string[] }
  | { type: 'search'; seq: number; query: string; filters: SearchFilters; limit: number }
  | { type: 'stamps'; seq: number }
  /** Empties the index (after a saved one failed to load in another shard). */
  | { type: 'clear' }
  /** Replaces the index with a saved one. */
  | { type: 'load'; seq: number; saved: SavedIndex }
  /** Asks for the index as it stands once every earlier request is applied. */
  | { type: 'save'; seq: number };

export type IndexReply =
  | { type: 'results'; seq: number; response: SearchResponse; ms: number }
  /** Talks read so far by a 'read' (live or trashed), as it goes. */
  | { type: 'progress'; done: number }
  /** Every talk is read into the index: `docs` live ones. */
  | { type: 'read'; seq: number; docs: number }
  /** `busyMs`: time the index spent loading, adding and removing since it started (the build's own cost). */
  | { type: 'stamps'; seq: number; stamps: Map<string, string>; busyMs: number }
  | { type: 'loaded'; seq: number; docs: number; ms: number }
  | { type: 'saved'; seq: number; saved: SavedIndex; ms: number }
  | { type: 'failed'; seq: number | null; detail: string };
