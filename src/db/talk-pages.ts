/**
 * Pages of talks read with IndexedDB itself, for the search workers. A worker that only reads pages of one store
 * needs none of Dexie, so each worker's script is a fraction of the size and starts sooner. The page's own reads go
 * through Dexie (src/db/database.ts), which also creates and upgrades the database: this module never does.
 */
import type { Talk } from '../model/types';
import type { IdRange } from '../search/protocol';
import { DB_NAME } from './name';

let connection: Promise<IDBDatabase> | null = null;

function openDatabase(): Promise<IDBDatabase> {
  connection ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB_NAME);
    // Asked before the app made its database: nothing is created here, the open fails instead.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => {
      const db = request.result;
      // A newer version of the app upgrading, or the database being deleted: let it, and open again next time.
      db.onversionchange = () => {
        db.close();
        connection = null;
      };
      resolve(db);
    };
    request.onerror = () => {
      connection = null;
      reject(new Error(`the database could not be opened (${request.error?.name ?? 'unknown error'})`));
    };
  });
  return connection;
}

/**
 * One page of talks in id order within `range`: from its start, or after `after` (all of them, trashed ones too,
 * which the caller skips). Each shard of the search index reads its own range of ids.
 */
export async function readTalkPage(range: IdRange, after: string | null, limit: number): Promise<Talk[]> {
  const lower = after ?? range.from;
  const open = after !== null;
  if (range.below !== null && lower >= range.below) return [];
  const keys = range.below === null ? IDBKeyRange.lowerBound(lower, open) : IDBKeyRange.bound(lower, range.below, open, true);
  const db = await openDatabase();
  return new Promise<Talk[]>((resolve, reject) => {
    const request = db.transaction('talks', 'readonly').objectStore('talks').getAll(keys, limit);
    request.onsuccess = () => resolve(request.result as Talk[]);
    request.onerror = () => reject(request.error ?? new Error('the talks could not be read'));
  });
}
