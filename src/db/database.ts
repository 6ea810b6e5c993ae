/** The Dexie database: schema and versions. Only src/db/ imports this module or dexie. */
import Dexie, { type Table } from 'dexie';
import type { Conference, Setting, StoredBlob, Talk, Version } from '../model/types';
import { DB_NAME } from './name';
import type { SyncBase, SyncDevice, SyncRun } from './sync-types';

export { DB_NAME };

export class LecternDb extends Dexie {
  conferences!: Table<Conference, string>;
  talks!: Table<Talk, string>;
  blobs!: Table<StoredBlob, string>;
  versions!: Table<Version, string>;
  settings!: Table<Setting, string>;
  syncBase!: Table<SyncBase, string>;
  syncDevice!: Table<SyncDevice, string>;
  syncRuns!: Table<SyncRun, number>;

  constructor(name = DB_NAME) {
    // Strict durability makes Chromium fsync each commit, so a saved keystroke survives power loss,
    // not only a browser crash; it costs a fraction of a millisecond per save.
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({
      conferences: 'id, startDate, updated, deletedAt',
      talks: 'id, conferenceId, [conferenceId+day], updated, deletedAt',
      blobs: 'sha256',
      versions: 'id, recordId, created',
      settings: 'key',
    });
    // Version 2 only adds the sync tables; every version-1 table and record stays as it was.
    this.version(2).stores({
      syncBase: 'id',
      syncDevice: 'key',
      syncRuns: '++id',
    });
  }
}

/** The app's one database connection. */
export const db = new LecternDb();
