/**
 * The search index kept in step with the database: loaded from the copy saved at an earlier visit and brought up
 * to date from the changes made since, or, the first time, built from every talk, which the worker reads itself so
 * the page's thread stays free; then updated from each change the database reports, and saved again now and then. The index itself
 * runs in a module worker (or on the page where there is none); this module is loaded only when search is first
 * opened.
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
import { clearSearchCache, readSearchCache, writeSearchCache } from '../db/search-cache';
import { INBOX_ID } from '../model/inbox';
import type { Conference, Talk } from '../model/types';
import { toSearchDoc } from './documents';
import type { IndexReply, IndexRequest } from './protocol';
import { INDEX_FORMAT, type SearchFilters, type SearchResponse } from './search-index';

export type SearchStatus =
  | { state: 'building'; done: number; total: number }
  /** `from`: whether the index was loaded from its saved copy or built; `busyMs`: the index's own time for it. */
  | { state: 'ready'; docs: number; buildMs: number; busyMs: number; from: 'saved' | 'built' }
  | { state: 'error'; message: string };

/** Where the index runs: post requests, receive replies in order. */
interface Host {
  post(request: IndexRequest): void;
  onReply(listener: (reply: IndexReply) => void): void;
}

// Talks re-read on the page at a time when the index is checked: about 50 KB of text with the bench's notes, so
// reading it and copying it to the worker stays a small task on a phone or a busy machine.
const PAGE = 100;

/** User Timing names: the index's time for one query, and from asking to the answer on the page. */
export const QUERY_MEASURE = 'lectern-search-query';
export const REPLY_MEASURE = 'lectern-search-reply';

/** The index is saved again once the changes since its last save have stopped for this long. */
const SAVE_AFTER_MS = 10_000;
/** A newly built index is saved this long after it is ready. */
const SAVE_NEW_AFTER_MS = 2_000;

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

/** The index on the page, one request per task, so a build still yields to typing between slices. */
async function pageHost(): Promise<Host> {
  const { createEngine } = await import('./engine');
  let listener: (reply: IndexReply) => void = () => undefined;
  const handle = createEngine((reply) => listener(reply), { readTalks: readSearchTalks });
  return {
    post: (r) => setTimeout(() => handle(r), 0),
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
  /** Every change stamped before this point has been sent to the index. */
  private point = '';
  /** Talks changed since the index was last saved (or loaded). */
  private unsaved = 0;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private saving = false;

  constructor(private readonly host: Host) {
    host.onReply((reply) => {
      if (reply.type === 'progress') return this.progress(reply.done);
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
    const asked = performance.now();
    const reply = await this.request({ type: 'search', seq: ++this.seq, query, filters, limit });
    if (reply.type === 'failed') throw new Error(reply.detail);
    if (reply.type !== 'results') throw new Error('unexpected reply from the search index');
    // The index's own time and the round trip, for `npm run bench` (a PerformanceObserver sees each before the next
    // clears it, so the timeline does not grow with every keystroke).
    if (performance.measure && performance.clearMeasures) {
      performance.clearMeasures(QUERY_MEASURE);
      performance.clearMeasures(REPLY_MEASURE);
      performance.measure(QUERY_MEASURE, { start: asked, duration: reply.ms });
      performance.measure(REPLY_MEASURE, { start: asked, end: performance.now() });
    }
    return { response: reply.response, ms: reply.ms };
  }

  /** Loads the saved index, or reads every talk into a new one; then follows the database's changes. */
  async build(): Promise<void> {
    const started = performance.now();
    try {
      this.learnNames(await readSearchConferences());
      const loaded = await this.load();
      if (!loaded) await this.readAll();
      // From the point the index covers: a saved index catches up with what changed since it was saved.
      this.stopWatching = watchSearchChanges(
        this.point,
        (changes) => {
          this.learnNames(changes.conferences);
          this.apply(changes.talks);
          for (const r of [...changes.talks, ...changes.conferences]) if (r.updated > this.point) this.point = r.updated;
          this.changed();
        },
        (err) => this.fail(`Search no longer follows your edits: ${err instanceof Error ? err.message : String(err)}`),
      );
      // What no change feed shows: talks deleted for good since it was saved, records written with old stamps.
      if (loaded) await this.fix();
      // The index answers in order: once it has counted its documents, everything above is in it.
      const { stamps, busyMs } = await this.stamps();
      const buildMs = performance.now() - started;
      performance.measure?.('lectern-search-build', { start: started, duration: buildMs });
      performance.measure?.('lectern-search-index', { start: started, duration: busyMs });
      this.setStatus({ state: 'ready', docs: stamps.size, buildMs, busyMs, from: loaded ? 'saved' : 'built' });
      // A new index is saved soon, once the first searches are answered; a loaded one when it changes.
      if (!loaded) this.saveLater(SAVE_NEW_AFTER_MS);
    } catch (err) {
      this.fail(`Search could not read your notes: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /** Puts the saved index in place; false when there is none or it cannot be used. */
  private async load(): Promise<boolean> {
    const cache = await readSearchCache().catch(() => null);
    if (!cache || cache.format !== INDEX_FORMAT) return false;
    this.setStatus({ state: 'building', done: 0, total: 0 });
    const reply = await this.request({ type: 'load', seq: ++this.seq, saved: cache.index });
    if (reply.type !== 'loaded') {
      console.warn('The saved search index could not be loaded; building it again', reply.type === 'failed' ? reply.detail : reply.type);
      await clearSearchCache().catch(() => undefined);
      return false;
    }
    this.point = cache.point;
    return true;
  }

  /** Has the index read every talk from the database (in its worker, off the page's thread). */
  private async readAll(): Promise<void> {
    // The point is taken before reading, so a change made during the build is applied after it.
    this.point = await searchPoint();
    this.setStatus({ state: 'building', done: 0, total: await countSearchTalks() });
    const reply = await this.request({ type: 'read', seq: ++this.seq, names: [...this.names] });
    if (reply.type !== 'read') throw new Error(reply.type === 'failed' ? reply.detail : 'unexpected reply from the search index');
    this.unsaved += reply.docs;
  }

  private progress(done: number): void {
    if (this.status.state === 'building' && this.status.total) this.setStatus({ state: 'building', done, total: Math.max(this.status.total, done) });
  }

  /**
   * Compares the index with the database's stamps and fixes what differs. Changes arrive by themselves; this
   * catches what a change watch cannot see, such as talks purged from the Trash or a backup written with old stamps.
   */
  async reconcile(): Promise<void> {
    if (this.status.state !== 'ready') return;
    if (await this.fix()) this.changed();
  }

  /** Brings the index in line with the stamps of the live talks; true when something was fixed. */
  private async fix(): Promise<boolean> {
    const [{ stamps: held }, live] = await Promise.all([this.stamps(), readLiveTalkStamps()]);
    const gone = [...held.keys()].filter((id) => !live.has(id));
    const stale = [...live].filter(([id, updated]) => held.get(id) !== updated).map(([id]) => id);
    if (!gone.length && !stale.length) return false;
    if (gone.length) this.host.post({ type: 'remove', ids: gone });
    this.unsaved += gone.length;
    this.learnNames(await readSearchConferences());
    for (let i = 0; i < stale.length; i += PAGE) {
      this.apply(await readTalksById(stale.slice(i, i + PAGE)));
    }
    return true;
  }

  /** Saves the index with the point it covers; the next start loads it. (The service saves by itself; tests call it.) */
  async save(): Promise<void> {
    if (this.saving) return;
    this.saving = true;
    try {
      const point = this.point;
      const unsaved = this.unsaved;
      const reply = await this.request({ type: 'save', seq: ++this.seq });
      if (reply.type !== 'saved') throw new Error(reply.type === 'failed' ? reply.detail : 'unexpected reply from the search index');
      const docs = this.status.state === 'ready' ? this.status.docs : 0;
      const t0 = performance.now();
      await writeSearchCache({ format: INDEX_FORMAT, point, docs, index: reply.saved });
      this.unsaved -= unsaved;
      performance.measure?.('lectern-search-save', { start: t0 - reply.ms, duration: performance.now() - t0 + reply.ms });
    } catch (err) {
      // Only a later start is slower: it builds the index again.
      console.warn('Search could not save its index', err);
    } finally {
      this.saving = false;
    }
  }

  /** Saves once the changes have stopped for a while (saving takes the index a moment). */
  private saveLater(ms = SAVE_AFTER_MS): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      if (this.unsaved > 0) void this.save();
    }, ms);
  }

  /** Stops following the database (tests; the app keeps one index for the page's life). */
  stop(): void {
    this.stopWatching?.();
    if (this.saveTimer) clearTimeout(this.saveTimer);
  }

  private apply(talks: readonly Talk[]): void {
    const live = talks.filter((t) => t.deletedAt === null);
    const removed = talks.filter((t) => t.deletedAt !== null).map((t) => t.id);
    if (live.length) this.host.post({ type: 'upsert', docs: live.map((t) => toSearchDoc(t, this.names.get(t.conferenceId) ?? '')) });
    if (removed.length) this.host.post({ type: 'remove', ids: removed });
    this.unsaved += talks.length;
  }

  private learnNames(conferences: readonly Conference[]): void {
    for (const c of conferences) this.names.set(c.id, c.name);
  }

  private async stamps(): Promise<{ stamps: Map<string, string>; busyMs: number }> {
    const reply = await this.request({ type: 'stamps', seq: ++this.seq });
    if (reply.type !== 'stamps') throw new Error(reply.type === 'failed' ? reply.detail : 'unexpected reply from the search index');
    return reply;
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
    if (this.status.state === 'ready') this.saveLater();
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
