/**
 * What the search index reads from the database on the page: the conferences' names, the talks' stamps, talks by
 * id, and the changes made since a point, observed with a live query over the `updated` index (so changes made in
 * another tab arrive too). The workers read their pages of talks through talk-pages.ts; the index itself lives in
 * src/search and never touches Dexie.
 */
import { liveQuery } from 'dexie';
import { nowIso } from '../model/ids';
import type { Conference, Talk } from '../model/types';
import { db } from './database';

/** Talks and conferences that changed (or, for the first read, exist); trashed ones carry their deletedAt. */
export interface SearchChanges {
  talks: Talk[];
  conferences: Conference[];
}

/**
 * The newest `updated` stamp among talks and conferences, or now if that is later: changes from this point on are
 * what a watcher sees. Capped at now because a record can be stamped in the future (restored from a device whose
 * clock ran ahead, or saved here before the clock was set back): a point there would put every edit made meanwhile
 * below it, out of the watch's sight. The records stamped at or after the point are named with it.
 */
export async function searchPoint(): Promise<SearchPoint> {
  const now = nowIso();
  return db.transaction('r', db.talks, db.conferences, async () => {
    const [t, c] = await Promise.all([db.talks.orderBy('updated').lastKey(), db.conferences.orderBy('updated').lastKey()]);
    const a = typeof t === 'string' ? t : '';
    const b = typeof c === 'string' ? c : '';
    const newest = a > b ? a : b;
    if (!newest) return { point: '', atPoint: [] };
    const point = newest > now ? now : newest;
    const [talks, conferences] = await Promise.all([stampsFrom('t', point), stampsFrom('c', point)]);
    return { point, atPoint: [...talks, ...conferences] };
  });
}

/** The change keys of the records stamped at or after `point`, from the `updated` index alone. */
async function stampsFrom(table: 't' | 'c', point: string): Promise<string[]> {
  const range = (table === 't' ? db.talks : db.conferences).where('updated').aboveOrEqual(point);
  const [stamps, ids] = await Promise.all([range.keys(), range.clone().primaryKeys()]);
  return ids.map((id, i) => changeKey(table, { id, updated: String(stamps[i]) }));
}

/** The point changes are watched from, and the records stamped at or after it then (read by whoever asked for the point). */
export interface SearchPoint {
  point: string;
  atPoint: string[];
}

/** How a change is named among those already seen: which table, which record, which version of it. */
export function changeKey(table: 't' | 'c', r: { id: string; updated: string }): string {
  return `${table}:${r.id}@${r.updated}`;
}

/** Every conference, trashed ones included (a talk's conference name is searched). */
export function readSearchConferences(): Promise<Conference[]> {
  return db.conferences.toArray();
}

/** How many talks there are, live or trashed, to show the progress of a first build. */
export function countSearchTalks(): Promise<number> {
  return db.talks.count();
}

/** Talks by id, for re-reading those whose stamps differ from the index; missing ids are left out. */
export async function readTalksById(ids: readonly string[]): Promise<Talk[]> {
  return (await db.talks.bulkGet([...ids])).filter((t): t is Talk => t !== undefined);
}

/**
 * The `updated` stamp of every live talk, read from the indexes alone (no record is loaded), so the index can
 * find what it missed: talks deleted for good (purge), or records written with old stamps (a restored backup).
 *
 * One raw key cursor rather than Dexie's `keys()`, which steps the same cursor through its own promise machinery:
 * for 10,000 talks that took 0.4–1.3 s of a start from the saved index on this machine, in tasks up to 150 ms; the
 * raw cursor takes about 0.2 s in small tasks.
 */
export async function readLiveTalkStamps(): Promise<Map<string, string>> {
  if (!db.isOpen()) await db.open();
  const idb = db.backendDB();
  return new Promise((resolve, reject) => {
    const tx = idb.transaction('talks', 'readonly');
    const store = tx.objectStore('talks');
    const out = new Map<string, string>();
    // Trashed talks carry a deletedAt; live ones have none (null is not indexed).
    const trashed = store.index('deletedAt').getAllKeys(IDBKeyRange.lowerBound('', true));
    const cursor = store.index('updated').openKeyCursor();
    cursor.onsuccess = () => {
      const c = cursor.result;
      if (!c) return;
      out.set(String(c.primaryKey), String(c.key));
      c.continue();
    };
    tx.oncomplete = () => {
      for (const id of trashed.result) out.delete(String(id));
      resolve(out);
    };
    tx.onabort = () => reject(tx.error ?? new Error('reading the talks’ stamps was aborted'));
  });
}

/**
 * Calls back with the talks and conferences whose `updated` is at or after `since`, then with every later change,
 * until the returned function is called. A changed conference brings all its talks (their documents carry its
 * name). Each record is reported once per stamp: `updated` is only millisecond-precise, so the watch re-reads the
 * newest stamp seen, and what it already reported there is skipped; so are the records in `seen`, stamped `since`,
 * which the caller already has (a build read them after taking the point).
 */
export function watchSearchChanges(
  since: string,
  seen: Iterable<string>,
  onChange: (changes: SearchChanges) => void,
  onError: (err: unknown) => void,
): () => void {
  let point = since;
  // Records already reported (or read by the caller) with `updated === point`, named by changeKey().
  let seenAtPoint = new Set<string>(seen);
  let sub: { unsubscribe(): void } | null = null;
  let stopped = false;

  const key = changeKey;

  const subscribe = (): void => {
    const from = point;
    const skip = seenAtPoint;
    sub = liveQuery(() =>
      db.transaction('r', db.talks, db.conferences, async () => {
        const [talks, conferences] = await Promise.all([
          db.talks.where('updated').aboveOrEqual(from).toArray(),
          db.conferences.where('updated').aboveOrEqual(from).toArray(),
        ]);
        const freshConfs = conferences.filter((c) => !skip.has(key('c', c)));
        const ofConfs = freshConfs.length ? await db.talks.where('conferenceId').anyOf(freshConfs.map((c) => c.id)).toArray() : [];
        return { talks, conferences: freshConfs, ofConfs };
      }),
    ).subscribe({
      next: ({ talks, conferences, ofConfs }) => {
        if (stopped) return;
        const freshTalks = talks.filter((t) => !skip.has(key('t', t)));
        if (!freshTalks.length && !conferences.length) return;
        const byId = new Map([...ofConfs, ...freshTalks].map((t) => [t.id, t]));
        onChange({ talks: [...byId.values()], conferences });
        // Move the point to the newest stamp reported, so the next read returns only what is new; never past now
        // (see searchPoint): records stamped later are read again each time, and skipped until they change.
        let next = from;
        for (const r of [...talks, ...conferences]) if (r.updated > next) next = r.updated;
        const now = nowIso();
        if (next > now) next = from > now ? from : now;
        const atNext = new Set<string>();
        for (const t of talks) if (t.updated >= next) atNext.add(key('t', t));
        for (const c of conferences) if (c.updated >= next) atNext.add(key('c', c));
        if (next === from) for (const k of skip) atNext.add(k);
        point = next;
        seenAtPoint = atNext;
        sub?.unsubscribe();
        subscribe();
      },
      error: (err: unknown) => {
        if (!stopped) onError(err);
      },
    });
  };
  subscribe();
  return () => {
    stopped = true;
    sub?.unsubscribe();
  };
}
