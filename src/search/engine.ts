/**
 * Answers index requests; the same code runs in the worker and, where there is no worker, on the page.
 *
 * Searches are answered at once, from the index as it stands. Everything else (adding, removing, loading,
 * counting, saving) is queued and applied in order, in slices of about SLICE_MS, so a search typed while a large
 * build is under way waits for one slice, not for the whole build.
 */
import type { Talk } from '../model/types';
import { toSearchDoc, type SearchDoc } from './documents';
import type { IdRange, IndexReply, IndexRequest, SavedIndex } from './protocol';
import { SearchIndex } from './search-index';

const SLICE_MS = 12;
/** Documents added between two looks at the clock. */
const STEP = 25;
/** Talks per database read: off the page, a read's size costs no one a frame. */
const READ_PAGE = 500;
/** The first read is smaller, so indexing starts sooner; the next, larger one is read meanwhile. */
const FIRST_PAGE = 100;

type Queued = Exclude<IndexRequest, { type: 'search' }>;

export interface EngineOptions {
  /** How a saved index is handed over: the worker makes a Blob, the page keeps the text. */
  wrap?: (json: string) => SavedIndex;
  /** Lets other messages in between two slices. */
  yieldNow?: () => Promise<void>;
  /**
   * Talks (live and trashed) in id order within `range`, from its start or after `after`, at most `limit`: how a
   * 'read' reaches the database.
   */
  readTalks?: (range: IdRange, after: string | null, limit: number) => Promise<Talk[]>;
}

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** A request handler over a fresh index; replies go to `reply`, so either host can deliver them. */
export function createEngine(reply: (r: IndexReply) => void, options: EngineOptions = {}): (request: IndexRequest) => void {
  const wrap = options.wrap ?? ((json: string) => json);
  const yieldNow = options.yieldNow ?? nextTask;
  let index = new SearchIndex();
  const queue: Queued[] = [];
  /** Documents of the upsert at the head of the queue already added. */
  let offset = 0;
  let pumping = false;
  let busyMs = 0;

  const seqOf = (r: IndexRequest): number | null => ('seq' in r ? r.seq : null);
  const failed = (r: IndexRequest, err: unknown): void =>
    reply({ type: 'failed', seq: seqOf(r), detail: err instanceof Error ? err.message : String(err) });

  /**
   * Reads every talk into the index; the number of live ones. Each page is indexed while the database fetches the
   * next, in slices of SLICE_MS with other messages (searches) let in between.
   */
  async function readAll(names: Map<string, string>, range: IdRange): Promise<number> {
    const read = options.readTalks;
    if (!read) throw new Error('this index has no database to read');
    let live = 0;
    let done = 0;
    let until = performance.now() + SLICE_MS;
    let next = read(range, null, FIRST_PAGE);
    let asked = FIRST_PAGE;
    for (;;) {
      const page = await next;
      if (!page.length) return live;
      next = page.length < asked ? Promise.resolve([]) : read(range, page[page.length - 1]!.id, (asked = READ_PAGE));
      const docs: SearchDoc[] = [];
      for (const t of page) if (t.deletedAt === null) docs.push(toSearchDoc(t, names.get(t.conferenceId) ?? ''));
      for (let i = 0; i < docs.length; i += STEP) {
        if (performance.now() >= until) {
          await yieldNow();
          until = performance.now() + SLICE_MS;
        }
        index.upsert(docs.slice(i, i + STEP));
      }
      live += docs.length;
      done += page.length;
      reply({ type: 'progress', done });
    }
  }

  async function text(saved: SavedIndex): Promise<string> {
    return typeof saved === 'string' ? saved : saved.text();
  }

  /** Applies queued requests until the slice's time is up; true when the head request is not finished. */
  async function step(r: Queued, until: number): Promise<boolean> {
    switch (r.type) {
      case 'read':
        reply({ type: 'read', seq: r.seq, docs: await readAll(new Map(r.names), r.range) });
        return false;
      case 'upsert':
        while (offset < r.docs.length) {
          index.upsert(r.docs.slice(offset, offset + STEP));
          offset += STEP;
          if (performance.now() >= until && offset < r.docs.length) return true;
        }
        return false;
      case 'remove':
        index.remove(r.ids);
        return false;
      case 'clear':
        index = new SearchIndex();
        return false;
      case 'stamps':
        reply({ type: 'stamps', seq: r.seq, stamps: index.stamps(), busyMs });
        return false;
      case 'load': {
        const t0 = performance.now();
        const json = await text(r.saved);
        index = SearchIndex.fromJSON(json);
        reply({ type: 'loaded', seq: r.seq, docs: index.size, ms: performance.now() - t0 });
        return false;
      }
      case 'save': {
        const t0 = performance.now();
        const saved = wrap(index.toJSON());
        reply({ type: 'saved', seq: r.seq, saved, ms: performance.now() - t0 });
        return false;
      }
    }
  }

  async function pump(): Promise<void> {
    if (pumping) return;
    pumping = true;
    try {
      while (queue.length) {
        const started = performance.now();
        const until = started + SLICE_MS;
        while (queue.length && performance.now() < until) {
          const head = queue[0]!;
          let more = false;
          try {
            more = await step(head, until);
          } catch (err) {
            failed(head, err);
          }
          if (!more) {
            queue.shift();
            offset = 0;
            // Between two requests, so nothing changes the terms while the vacuum walks them. One that fails leaves
            // the removed talks' words behind, which searches skip: the index stays right, only larger.
            if (index.needsVacuum) await index.vacuum().catch((err: unknown) => console.warn('Search could not tidy its index', err));
          }
        }
        busyMs += performance.now() - started;
        if (queue.length) await yieldNow();
      }
    } finally {
      pumping = false;
    }
  }

  return (request) => {
    if (request.type !== 'search') {
      queue.push(request);
      void pump();
      return;
    }
    try {
      const t0 = performance.now();
      const response = index.search(request.query, request.filters, request.limit);
      reply({ type: 'results', seq: request.seq, response, ms: performance.now() - t0 });
    } catch (err) {
      failed(request, err);
    }
  };
}
