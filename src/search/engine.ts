/** Answers index requests; the same code runs in the worker and, where there is no worker, on the page. */
import type { IndexReply, IndexRequest } from './protocol';
import { SearchIndex } from './search-index';

/** A request handler over a fresh index; replies are returned, not posted, so either host can deliver them. */
export function createEngine(): (request: IndexRequest) => IndexReply | null {
  const index = new SearchIndex();
  return (request) => {
    const seq = 'seq' in request ? request.seq : null;
    try {
      switch (request.type) {
        case 'upsert':
          index.upsert(request.docs);
          return null;
        case 'remove':
          index.remove(request.ids);
          return null;
        case 'search': {
          const t0 = performance.now();
          const response = index.search(request.query, request.filters, request.limit);
          return { type: 'results', seq: request.seq, response, ms: performance.now() - t0 };
        }
        case 'stamps':
          return { type: 'stamps', seq: request.seq, stamps: index.stamps() };
      }
    } catch (err) {
      return { type: 'failed', seq, detail: err instanceof Error ? err.message : String(err) };
    }
  };
}
