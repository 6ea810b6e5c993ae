/**
 * The search index saved between visits, so a later start loads it instead of reading every talk again.
 *
 * It lives in the `settings` table under one key (a store of its own would need a new schema version): the
 * index itself, as the worker made it (a Blob, so the page never copies its megabytes, or the JSON text where
 * there is no worker), with the format it was saved in and the `updated` point it covers. Changes from that point
 * on are read again when it is loaded. It describes this device's data, so it is never part of a backup.
 */
import { db } from './database';

export const SEARCH_CACHE_KEY = 'searchIndex';

export interface SearchCache {
  /** The index's format (INDEX_FORMAT in src/search/search-index.ts); another one is not loaded. */
  format: number;
  /** Every talk and conference change stamped before this point is in the index. */
  point: string;
  /** How many talks it holds, for the progress shown while it loads. */
  docs: number;
  index: Blob | string;
}

function isCache(v: unknown): v is SearchCache {
  const c = v as Partial<SearchCache> | null;
  return (
    typeof c === 'object' && c !== null && typeof c.format === 'number' && typeof c.point === 'string' && typeof c.docs === 'number' &&
    (typeof c.index === 'string' || (typeof Blob === 'function' && c.index instanceof Blob))
  );
}

/** The saved index, or null when there is none (or what is stored is not one). */
export async function readSearchCache(): Promise<SearchCache | null> {
  const row = await db.settings.get(SEARCH_CACHE_KEY);
  return row && isCache(row.value) ? row.value : null;
}

/** Saves the index, replacing the one saved before. */
export async function writeSearchCache(cache: SearchCache): Promise<void> {
  await db.settings.put({ key: SEARCH_CACHE_KEY, value: cache });
}

/** Forgets the saved index (one that could not be loaded). */
export async function clearSearchCache(): Promise<void> {
  await db.settings.delete(SEARCH_CACHE_KEY);
}
