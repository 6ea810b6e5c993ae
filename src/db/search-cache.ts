/**
 * The search index saved between visits, so a later start loads it instead of reading every talk again.
 *
 * It lives in the `settings` table under one key (a store of its own would need a new schema version): the
 * index itself, as the workers made it (a Blob per shard, so the page never copies its megabytes, or the JSON text
 * where there is no worker), with the format it was saved in and the `updated` point it covers. Changes from that point
 * on are read again when it is loaded. It describes this device's data, so it is never part of a backup.
 */
import { db } from './database';

export const SEARCH_CACHE_KEY = 'searchIndex';

export interface SearchCache {
  /** The index's format (INDEX_FORMAT in src/search/search-index.ts); another one is not loaded. */
  format: number;
  /** Every talk and conference change stamped before this point is in the index. */
  point: string;
  /** The changes stamped at the point that are in it too (src/db/search-source.ts changeKey()). */
  atPoint: string[];
  /** How many talks it holds, for the progress shown while it loads. */
  docs: number;
  /** One saved index per shard (src/search/shards.ts), as the worker made it; an older save held a single one. */
  index: Array<Blob | string>;
}

const isSaved = (v: unknown): v is Blob | string => typeof v === 'string' || (typeof Blob === 'function' && v instanceof Blob);

/** The saved index in today's shape, or null when what is stored is not one. */
function asCache(v: unknown): SearchCache | null {
  const c = v as { format?: unknown; point?: unknown; atPoint?: unknown; docs?: unknown; index?: unknown } | null;
  if (typeof c !== 'object' || c === null || typeof c.format !== 'number' || typeof c.point !== 'string' || typeof c.docs !== 'number') return null;
  const index = Array.isArray(c.index) ? c.index : [c.index];
  if (!index.length || !index.every(isSaved)) return null;
  // Saved before the changes at the point were named: none are taken as known, and they are read again.
  const atPoint = Array.isArray(c.atPoint) ? c.atPoint.filter((k): k is string => typeof k === 'string') : [];
  return { format: c.format, point: c.point, atPoint, docs: c.docs, index };
}

/** The saved index, or null when there is none (or what is stored is not one). */
export async function readSearchCache(): Promise<SearchCache | null> {
  const row = await db.settings.get(SEARCH_CACHE_KEY);
  return row ? asCache(row.value) : null;
}

/** Saves the index, replacing the one saved before. */
export async function writeSearchCache(cache: SearchCache): Promise<void> {
  await db.settings.put({ key: SEARCH_CACHE_KEY, value: cache });
}

/** Forgets the saved index (one that could not be loaded). */
export async function clearSearchCache(): Promise<void> {
  await db.settings.delete(SEARCH_CACHE_KEY);
}
