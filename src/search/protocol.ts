/** Messages between the page and the search index (in its worker, or on the page where there is none). */
import type { SearchDoc } from './documents';
import type { SearchFilters, SearchResponse } from './search-index';

export type IndexRequest =
  | { type: 'upsert'; docs: SearchDoc[] }
  | { type: 'remove'; ids: string[] }
  | { type: 'search'; seq: number; query: string; filters: SearchFilters; limit: number }
  | { type: 'stamps'; seq: number };

export type IndexReply =
  | { type: 'results'; seq: number; response: SearchResponse; ms: number }
  | { type: 'stamps'; seq: number; stamps: Map<string, string> }
  | { type: 'failed'; seq: number | null; detail: string };
