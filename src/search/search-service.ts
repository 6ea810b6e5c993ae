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
  readTalksById,
  changeKey,
  searchPoint,
  watchSearchChanges,
  type SearchPoint,
} from '../db/search-source';
import { readTalkPage } from '../db/talk-pages';
import { clearSearchCache, readSearchCache, writeSearchCache, type SearchCache } from '../db/search-cache';
import { INBOX_ID } from '../model/inbox';
import type { Conference, Talk } from '../model/types';
import { toSearchDoc, type SearchDoc } from './documents';
import type { IndexReply, IndexRequest } from './protocol';
import { INDEX_FORMAT, type SearchFilters, type SearchResponse } from './search-index';
import { byShard, mergeResponses, shardBounds, shardRange } from './shards';

export type SearchStatus =
  | { state: 'building'; done: number; total: number }
  /** `from`: whether the index was loaded from its saved copy or built; `busyMs`: the index's own time for it. */
  | { state: 'ready'; docs: number; buildMs: number; busyMs: number; from: 'saved' | 'built' }
  | { state: 'error'; message: string };

/** Where the index (or one shard of it) runs: post requests, receive replies in order. */
export interface Host {
  post(request: IndexRequest): void;
  onReply(listener: (reply: IndexReply) => void): void;
  /** Stops it for good (a spare worker the index turned out not to need). */
  close?(): void;
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

/**
 * From this many talks a first build is split between two workers (where the device has two cores or more): it
 * takes about half the time. Below it one index builds in well under a second, and keeps the same statistics for
 * every talk, so small collections rank exactly as one index would.
 */
export const SHARD_FROM = 3_000;
/** The build's progress line is redrawn at most this often. */
const PROGRESS_MS = 250;
const MAX_SHARDS = 2;

function workerHost(n: number): Host | null {
  if (typeof Worker !== 'function') return null;
  try {
    const name = n === 0 ? 'lectern-search' : `lectern-search-${n + 1}`;
    const worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module', name });
    return {
      post: (r) => worker.postMessage(r),
      close: () => worker.terminate(),
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
export async function pageHost(): Promise<Host> {
  const { createEngine } = await import('./engine');
  let listener: (reply: IndexReply) => void = () => undefined;
  const handle = createEngine((reply) => listener(reply), { readTalks: readTalkPage });
  return {
    post: (r) => setTimeout(() => handle(r), 0),
    onReply: (l) => (listener = l),
  };
}

export interface ServiceOptions {
  /**
   * Hosts for more shards, started beside the first so they are ready when the build begins; those the index does
   * not need are closed once it knows how many it needs.
   */
  spares?: Host[];
  /** From how many talks a first build is split. */
  shardFrom?: number;
}

interface Shard {
  host: Host;
  /** Replies awaited from this shard, by request. */
  waiting: Map<number, (reply: IndexReply) => void>;
  /** Talks this shard has read so far in a first build. */
  done: number;
}

/** The replies of every shard to one request, all of `type`; throws with the first failure's words otherwise. */
function all<T extends IndexReply['type']>(replies: IndexReply[], type: T): Array<Extract<IndexReply, { type: T }>> {
  for (const r of replies) {
    if (r.type === 'failed') throw new Error(r.detail);
    if (r.type !== type) throw new Error('unexpected reply from the search index');
  }
  return replies as Array<Extract<IndexReply, { type: T }>>;
}

/** The search index and its upkeep; one per page, made by openSearch(). */
export class SearchService {
  private status: SearchStatus = { state: 'building', done: 0, total: 0 };
  private version = 0;
  private readonly listeners = new Set<(status: SearchStatus, version: number) => void>();
  private readonly shards: Shard[] = [];
  /** Where each shard's ids start (see shards.ts); fixed once the index holds anything. */
  private bounds: string[] = shardBounds(1);
  private seq = 0;
  private readonly names = new Map<string, string>([[INBOX_ID, 'Inbox']]);
  private stopWatching: (() => void) | null = null;
  /** Every change stamped before this point has been sent to the index, and those stamped at it named here. */
  private point = '';
  private atPoint = new Set<string>();
  /** Talks changed since the index was last saved (or loaded). */
  private unsaved = 0;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private saving = false;
  private progressShown = -Infinity;
  private readonly spares: Host[];
  private readonly shardFrom: number;

  constructor(host: Host, options: ServiceOptions = {}) {
    this.spares = [...(options.spares ?? [])];
    this.shardFrom = options.shardFrom ?? SHARD_FROM;
    this.attach(host);
  }

  private attach(host: Host): void {
    const shard: Shard = { host, waiting: new Map(), done: 0 };
    this.shards.push(shard);
    host.onReply((reply) => {
      if (reply.type === 'progress') {
        shard.done = reply.done;
        return this.progress();
      }
      if (reply.type === 'failed' && reply.seq === null) this.fail(`Search stopped working: ${reply.detail}`);
      const resolve = reply.seq === null ? undefined : shard.waiting.get(reply.seq);
      if (resolve && reply.seq !== null) {
        shard.waiting.delete(reply.seq);
        resolve(reply);
      }
    });
  }

  /**
   * Splits the index into `count` shards, as far as there are hosts for them, and closes the spare hosts left; the
   * number of shards. Once, before the index holds anything: each talk's shard follows from the count.
   */
  private useShards(count: number): number {
    while (this.shards.length < count && this.spares.length) this.attach(this.spares.shift()!);
    for (const spare of this.spares.splice(0)) spare.close?.();
    this.bounds = shardBounds(this.shards.length);
    return this.shards.length;
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
    const seq = ++this.seq;
    const replies = all(await this.requestAll(() => ({ type: 'search', seq, query, filters, limit })), 'results');
    // The shards answer side by side: the slowest one's time is the index's.
    const ms = Math.max(...replies.map((r) => r.ms));
    const response = mergeResponses(
      replies.map((r) => r.response),
      limit,
    );
    // The index's own time and the round trip, for `npm run bench` (a PerformanceObserver sees each before the next
    // clears it, so the timeline does not grow with every keystroke).
    if (performance.measure && performance.clearMeasures) {
      performance.clearMeasures(QUERY_MEASURE);
      performance.clearMeasures(REPLY_MEASURE);
      performance.measure(QUERY_MEASURE, { start: asked, duration: ms });
      performance.measure(REPLY_MEASURE, { start: asked, end: performance.now() });
    }
    return { response, ms };
  }

  /** Loads the saved index, or reads every talk into a new one; then follows the database's changes. */
  async build(): Promise<void> {
    const started = performance.now();
    try {
      // All that either way needs, read at once: a first build starts as soon as it can. The point is taken before
      // the talks are read, so a change made during the build is applied after it.
      const [conferences, cache, point, total] = await Promise.all([
        readSearchConferences(),
        readSearchCache().catch(() => null),
        searchPoint(),
        countSearchTalks(),
      ]);
      this.learnNames(conferences);
      const loaded = await this.load(cache);
      if (!loaded) await this.readAll(point, total);
      // From the point the index covers: a saved index catches up with what changed since it was saved.
      this.stopWatching = watchSearchChanges(
        this.point,
        this.atPoint,
        (changes) => {
          this.learnNames(changes.conferences);
          this.apply(changes.talks);
          this.advance(changes);
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
  private async load(cache: SearchCache | null): Promise<boolean> {
    if (!cache || cache.format !== INDEX_FORMAT) return false;
    // Saved in more shards than this page can run (no worker here): built again, as one.
    if (this.useShards(cache.index.length) !== cache.index.length) return false;
    this.setStatus({ state: 'building', done: 0, total: 0 });
    const seq = ++this.seq;
    const replies = await this.requestAll((i) => ({ type: 'load', seq, saved: cache.index[i]! }));
    const failed = replies.find((r) => r.type !== 'loaded');
    if (failed) {
      console.warn('The saved search index could not be loaded; building it again', failed.type === 'failed' ? failed.detail : failed.type);
      // A shard that did load would keep talks deleted since: every shard starts again from nothing.
      for (const shard of this.shards) shard.host.post({ type: 'clear' });
      await clearSearchCache().catch(() => undefined);
      return false;
    }
    this.point = cache.point;
    this.atPoint = new Set(cache.atPoint);
    return true;
  }

  /** Has the index read every talk from the database (in its workers, off the page's thread). */
  private async readAll({ point, atPoint }: SearchPoint, total: number): Promise<void> {
    this.point = point;
    this.atPoint = new Set(atPoint);
    this.useShards(total >= this.shardFrom ? Infinity : 1);
    this.setStatus({ state: 'building', done: 0, total });
    const seq = ++this.seq;
    const names = [...this.names];
    const replies = all(await this.requestAll((i) => ({ type: 'read', seq, names, range: shardRange(i, this.bounds) })), 'read');
    this.unsaved += replies.reduce((n, r) => n + r.docs, 0);
  }

  private progress(): void {
    // Each shard reports every page it reads: the line is redrawn a few times a second, not for each of them.
    const now = performance.now();
    if (now - this.progressShown < PROGRESS_MS) return;
    this.progressShown = now;
    const done = this.shards.reduce((n, s) => n + s.done, 0);
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
    this.remove(gone);
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
      const atPoint = [...this.atPoint];
      const unsaved = this.unsaved;
      const seq = ++this.seq;
      const replies = all(await this.requestAll(() => ({ type: 'save', seq })), 'saved');
      const docs = this.status.state === 'ready' ? this.status.docs : 0;
      const t0 = performance.now();
      await writeSearchCache({ format: INDEX_FORMAT, point, atPoint, docs, index: replies.map((r) => r.saved) });
      this.unsaved -= unsaved;
      const ms = Math.max(...replies.map((r) => r.ms));
      performance.measure?.('lectern-search-save', { start: t0 - ms, duration: performance.now() - t0 + ms });
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
    const live: SearchDoc[] = [];
    for (const t of talks) if (t.deletedAt === null) live.push(toSearchDoc(t, this.names.get(t.conferenceId) ?? ''));
    byShard(live, (d) => d.id, this.bounds).forEach((docs, i) => {
      if (docs.length) this.shards[i]!.host.post({ type: 'upsert', docs });
    });
    this.remove(talks.filter((t) => t.deletedAt !== null).map((t) => t.id));
    this.unsaved += talks.length;
  }

  private remove(ids: readonly string[]): void {
    byShard(ids, (id) => id, this.bounds).forEach((group, i) => {
      if (group.length) this.shards[i]!.host.post({ type: 'remove', ids: group });
    });
  }

  /** Moves the point to the newest stamp among the changes, naming the records at it, as the watch does. */
  private advance(changes: { talks: readonly Talk[]; conferences: readonly Conference[] }): void {
    const stamped = [...changes.talks.map((r) => ['t', r] as const), ...changes.conferences.map((r) => ['c', r] as const)];
    for (const [table, r] of stamped) {
      if (r.updated > this.point) {
        this.point = r.updated;
        this.atPoint = new Set();
      }
      if (r.updated === this.point) this.atPoint.add(changeKey(table, r));
    }
  }

  private learnNames(conferences: readonly Conference[]): void {
    for (const c of conferences) this.names.set(c.id, c.name);
  }

  /** Every shard's documents' stamps, and the longest time one spent on its index (they work side by side). */
  private async stamps(): Promise<{ stamps: Map<string, string>; busyMs: number }> {
    const seq = ++this.seq;
    const replies = all(await this.requestAll(() => ({ type: 'stamps', seq })), 'stamps');
    if (replies.length === 1) return replies[0]!;
    const stamps = new Map<string, string>();
    for (const r of replies) for (const [id, updated] of r.stamps) stamps.set(id, updated);
    return { stamps, busyMs: Math.max(...replies.map((r) => r.busyMs)) };
  }

  /** Posts a request to every shard (`make` builds each one's) and resolves with their replies, in shard order. */
  private requestAll(make: (shard: number) => Extract<IndexRequest, { seq: number }>): Promise<IndexReply[]> {
    return Promise.all(
      this.shards.map(
        (shard, i) =>
          new Promise<IndexReply>((resolve) => {
            const r = make(i);
            shard.waiting.set(r.seq, resolve);
            shard.host.post(r);
          }),
      ),
    );
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
    const first = workerHost(0);
    // Each shard needs a worker of its own, and each worker a core.
    const cores = typeof navigator === 'object' ? navigator.hardwareConcurrency || 1 : 1;
    const spares: Host[] = [];
    for (let n = 1; first && n < Math.min(MAX_SHARDS, cores); n++) {
      const spare = workerHost(n);
      if (spare) spares.push(spare);
    }
    const service = first ? new SearchService(first, { spares }) : new SearchService(await pageHost());
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
