/**
 * How a large index is split into shards, one per worker, so a first build runs on several cores: each shard holds
 * the talks of one range of ids and answers every search over them; the page merges their answers by score.
 * Talk ids are random UUIDs, so ranges split at hexadecimal digits hold about as many talks each.
 */
import type { IdRange } from './protocol';
import type { SearchHit, SearchResponse } from './search-index';

/** Where each shard's range starts; the first starts at the lowest id, each ends where the next starts. */
export function shardBounds(count: number): string[] {
  return Array.from({ length: Math.max(1, count) }, (_, i) => (i === 0 ? '' : Math.floor((i * 16) / count).toString(16)));
}

/** The shard holding an id. Ids that are not UUIDs land in some shard all the same, always the same one. */
export function shardOf(id: string, bounds: readonly string[]): number {
  let shard = 0;
  for (let i = 1; i < bounds.length; i++) if (id >= bounds[i]!) shard = i;
  return shard;
}

export function shardRange(shard: number, bounds: readonly string[]): IdRange {
  return { from: bounds[shard]!, below: bounds[shard + 1] ?? null };
}

/** Items grouped by the shard of their id: one list per shard, empty ones included. */
export function byShard<T>(items: readonly T[], idOf: (item: T) => string, bounds: readonly string[]): T[][] {
  const groups = bounds.map((): T[] => []);
  for (const item of items) groups[shardOf(idOf(item), bounds)]!.push(item);
  return groups;
}

/**
 * One answer from the shards' answers: the best `limit` hits of all, by score, ties going to the later day (a
 * search by filters alone, where every score is equal, lists the latest days first as one shard does).
 */
export function mergeResponses(responses: readonly SearchResponse[], limit: number): SearchResponse {
  if (responses.length === 1) return responses[0]!;
  const hits: SearchHit[] = responses.flatMap((r) => r.hits);
  hits.sort((a, b) => b.score - a.score || (a.day < b.day ? 1 : a.day > b.day ? -1 : 0));
  return { hits: hits.slice(0, limit), total: responses.reduce((n, r) => n + r.total, 0) };
}
