/**
 * The search index kept in step with the database: built once from every talk, in small pages so the page stays
 * responsive, then updated from each change the database reports. The index itself runs in a module worker
 * (or on the page where there is none); this module is loaded only when search is first opened.
 */
import {
  countSearchTalks,
  readLiveTalkStamps,
  readSearchConferences,
  readSearchTalks,
  readTalksById,
  searchPoint,
  watchSearchChanges,
} from '../db/search-source';
import { INBOX_ID } from '../model/inbox';
import type { Conference, Talk } from '../model/types';
import { toSearchDoc } from './documents';
import type { IndexReply, IndexRequest } from './protocol';
import type { SearchFilters, SearchResponse } from './search-index';

export type SearchStatus =
  | { state: 'building'; done: number; total: number }
  | { state: 'ready'; docs: number; buildMs: number }
  | { state: 'error'; message: string };

/** Where the index runs: post requests, receive replies in order. */
interface Host {
  post(request: IndexRequest): void;
  onReply(listener: (reply: IndexReply) => void): void;
}

// About 130 KB of text per page with the bench's notes: one read and one copy to the worker, a few ms each.
const PAGE = 250;

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function workerHost(): Host | null {
  if (typeof Worker !== 'function') return null;
  try {
    const worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module', name: 'lectern-search' });
    return {
      post: (r) => worker.postMessage(r),
      onReply: (listener) => {
        worker.onmessage = (e: MessageEvent<IndexReply>) => listener(e.data);
        worker.onerror = (e) => {
          e.preventDefault();
          listener({ type: 'failed', seq: null, detail: e.message || 'the search worker stopped' });
        };
      },
    };
  } catch (err) {
    console.warn('Search worker could not start; indexing on the page', err);
    return null;
  }
}

/** The index on the page, one request per task, so a build still yields to typing between pages. */
async function pageHost(): Promise<Host> {
  const { createEngine } = await import('./engine');
  const handle = createEngine();
  let listener: (reply: IndexReply) => void = () => undefined;
  return {
    post: (r) =>
      setTimeout(() => {
        const reply = handle(r);
        if (reply) listener(reply);
      }, 0),
    onReply: (l) => (listener = l),
  };
}

/** The search index and its upkeep; one per page, made by openSearch(). */
export class SearchService {
  private status: SearchStatus = { state: 'building', done: 0, total: 0 };
  private version = 0;
  private readonly listeners = new Set<(status: SearchStatus, version: number) => void>();
  private readonly waiting = new Map<number, (reply: IndexReply) => void>();
  private seq = 0;
  private readonly names = new Map<string, string>([[INBOX_ID, 'Inbox']]);
  private stopWatching: (() => void) | null = null;

  constructor(private readonly host: Host) {
    host.onReply((reply) => {
      if (reply.type === 'failed' && reply.seq === null) this.fail(`Search stopped working: ${reply.detail}`);
      const resolve = reply.seq === null ? undefined : this.waiting.get(reply.seq);
      if (resolve && reply.seq !== null) {
        this.waiting.delete(reply.seq);
        resolve(reply);
      }
    });
  }

  /** Calls back now and whenever the status changes or the indexed talks change (`version` counts changes). */
  subscribe(listener: (status: SearchStatus, version: number) => void): () => void {
    this.listeners.add(listener);
    listener(this.status, this.version);
    return () => this.listeners.delete(listener);
  }

  /** Runs a query; resolves with the best matches and how long the index took, in ms. */
  async search(query: string, filters: SearchFilters, limit = 50): Promise<{ response: SearchResponse; ms: number }> {
    const reply = await this.request({ type: 'search', seq: ++this.seq, query, filters, limit });
    if (reply.type === 'failed') throw new Error(reply.detail);
    if (reply.type !== 'results') throw new Error('unexpected reply from the search index');
    return { response: reply.response, ms: reply.ms };
  }

  /** Reads every talk into the index, then follows the database's changes. */
  async build(): Promise<void> {
    const started = performance.now();
    try {
      // The point is taken before reading, so a change made during the build is applied after it.
      const since = await searchPoint();
      const [conferences, total] = await Promise.all([readSearchConferences(), countSearchTalks()]);
      this.learnNames(conferences);
      let after = '';
      let done = 0;
      for (;;) {
        const page = await readSearchTalks(after, PAGE);
        if (!page.length) break;
        after = page[page.length - 1]!.id;
        this.apply(page);
        done += page.length;
        this.setStatus({ state: 'building', done, total: Math.max(total, done) });
        // Let the page handle input between pages.
        await nextTask();
      }
      this.stopWatching = watchSearchChanges(
        since,
        (changes) => {
          this.learnNames(changes.conferences);
          this.apply(changes.talks);
          this.changed();
        },
        (err) => this.fail(`Search no longer follows your edits: ${err instanceof Error ? err.message : String(err)}`),
      );
      // The worker answers in order: once it has counted its documents, every page above is indexed.
      const docs = (await this.stamps()).size;
      const buildMs = performance.now() - started;
      performance.measure?.('lectern-search-build', { start: started, duration: buildMs });
      this.setStatus({ state: 'ready', docs, buildMs });
    } catch (err) {
      this.fail(`Search could not read your notes: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /**
   * Compares the index with the database's stamps and fixes what differs. Changes arrive by themselves; this
   * catches what a change watch cannot see, such as talks purged from the Trash or a backup written with old stamps.
   */
  async reconcile(): Promise<void> {
    if (this.status.state !== 'ready') return;
    const [held, live] = await Promise.all([this.stamps(), readLiveTalkStamps()]);
    const gone = [...held.keys()].filter((id) => !live.has(id));
    const stale = [...live].filter(([id, updated]) => held.get(id) !== updated).map(([id]) => id);
    if (!gone.length && !stale.length) return;
    if (gone.length) this.host.post({ type: 'remove', ids: gone });
    this.learnNames(await readSearchConferences());
    for (let i = 0; i < stale.length; i += PAGE) {
      this.apply(await readTalksById(stale.slice(i, i + PAGE)));
    }
    this.changed();
  }

  /** Stops following the database (tests; the app keeps one index for the page's life). */
  stop(): void {
    this.stopWatching?.();
  }

  private apply(talks: readonly Talk[]): void {
    const live = talks.filter((t) => t.deletedAt === null);
    const removed = talks.filter((t) => t.deletedAt !== null).map((t) => t.id);
    if (live.length) this.host.post({ type: 'upsert', docs: live.map((t) => toSearchDoc(t, this.names.get(t.conferenceId) ?? '')) });
    if (removed.length) this.host.post({ type: 'remove', ids: removed });
  }

  private learnNames(conferences: readonly Conference[]): void {
    for (const c of conferences) this.names.set(c.id, c.name);
  }

  private async stamps(): Promise<Map<string, string>> {
    const reply = await this.request({ type: 'stamps', seq: ++this.seq });
    if (reply.type !== 'stamps') throw new Error(reply.type === 'failed' ? reply.detail : 'unexpected reply from the search index');
    return reply.stamps;
  }

  private request(r: Extract<IndexRequest, { seq: number }>): Promise<IndexReply> {
    return new Promise((resolve) => {
      this.waiting.set(r.seq, resolve);
      this.host.post(r);
    });
  }

  private changed(): void {
    this.version++;
    this.emit();
  }

  private setStatus(status: SearchStatus): void {
    this.status = status;
    this.emit();
  }

  private fail(message: string): void {
    console.warn(message);
    this.setStatus({ state: 'error', message });
  }

  private emit(): void {
    for (const l of this.listeners) l(this.status, this.version);
  }
}

let current: Promise<SearchService> | null = null;

/**
 * The page's search index: built on the first call, checked against the database on later ones (each time the
 * search screen opens).
 */
export function openSearch(): Promise<SearchService> {
  if (current) {
    void current.then((s) => s.reconcile()).catch((err: unknown) => console.warn('Search could not check the index', err));
    return current;
  }
  current = (async () => {
    const service = new SearchService(workerHost() ?? (await pageHost()));
    void service.build();
    return service;
  })();
  return current;
}

/** Forgets the page's index (tests start each case from an empty database). */
export function closeSearch(): void {
  void current?.then((s) => s.stop());
  current = null;
}
