/** What the sync status line shows: changes waiting, and how the last run ended. Reads Dexie tables only, so liveQuery follows it. */
import type { Conference, Talk } from '../model/types';
import { db as appDb, type LecternDb } from './database';
import type { SyncBase } from './sync-types';

function pending(rec: Talk | Conference, base: SyncBase | undefined): boolean {
  if (rec.deletedAt !== null) return !!base && !base.deleted;
  return !base || base.deleted || base.localRev !== rec.localRev;
}

/** Records changed here since they last synced, plus deletions not yet pushed. */
export async function countPendingChanges(database: LecternDb = appDb): Promise<number> {
  const [talks, confs, bases] = await Promise.all([database.talks.toArray(), database.conferences.toArray(), database.syncBase.toArray()]);
  const byId = new Map(bases.map((b) => [b.id, b]));
  let n = 0;
  for (const r of [...confs, ...talks]) {
    if (pending(r, byId.get(r.id))) n++;
    byId.delete(r.id);
  }
  // Bases of records purged from the Trash before their deletion was pushed.
  for (const b of byId.values()) if (!b.deleted && b.etag !== null && b.localRev >= 0) n++;
  return n;
}

/** How the last sync run ended, or null before the first. */
export async function lastSyncRun(database: LecternDb = appDb): Promise<{ finished: string; ok: boolean; message?: string } | null> {
  const run = await database.syncRuns.orderBy('id').last();
  if (!run) return null;
  return { finished: run.finished, ok: run.ok, ...(run.message ? { message: run.message } : {}) };
}
