/**
 * The device's side of a sync run: records, bases, the device identity, photos and the run log, over any
 * Lectern database (the app's, or one per simulated device in tests). Every change sync makes to a note happens
 * in one transaction that first checks the note's revision is the one sync read: if the person typed meanwhile,
 * nothing is applied and the next pass merges.
 */
import type { Conference, Talk, Version } from '../model/types';
import { newId } from '../model/ids';
import type { LecternDb } from './database';
import type { SyncBase, SyncDevice, SyncRun, SyncTableName } from './sync-types';
import { KEEP_VERSIONS } from './versions';

export type LocalRecord = Talk | Conference;

/** Bases older than this many agreed versions are dropped from a base's history. */
const BASE_HISTORY = 8;
/** Change numbers reserved per database write. */
const COUNTER_BLOCK = 64;

function randomDeviceId(): string {
  return 'd' + crypto.randomUUID().replace(/-/g, '').slice(0, 12);
}

export class LocalReplica {
  constructor(readonly db: LecternDb) {}

  private table(t: SyncTableName) {
    return t === 'talks' ? this.db.talks : this.db.conferences;
  }

  /** This device's identity, made on first use. */
  async device(name: string): Promise<SyncDevice> {
    return this.db.transaction('rw', this.db.syncDevice, async () => {
      const found = await this.db.syncDevice.get('device');
      if (found) return found;
      const made: SyncDevice = { key: 'device', deviceId: randomDeviceId(), name, counter: 0, storeId: null };
      await this.db.syncDevice.put(made);
      return made;
    });
  }

  // Change numbers reserved in the database but not handed out yet.
  private reserved: { next: number; end: number } = { next: 0, end: 0 };
  private reserving: Promise<void> | null = null;

  /**
   * The next change number of this device. Numbers are reserved in the database in blocks before any is used, so
   * none is ever handed out twice, even after a crash (the rest of a block is simply skipped).
   */
  async nextCounter(): Promise<number> {
    while (this.reserved.next >= this.reserved.end) {
      this.reserving ??= this.db
        .transaction('rw', this.db.syncDevice, async () => {
          const d = await this.db.syncDevice.get('device');
          if (!d) throw new Error('The sync device identity is missing.');
          const end = d.counter + COUNTER_BLOCK;
          await this.db.syncDevice.put({ ...d, counter: end });
          this.reserved = { next: d.counter + 1, end: end + 1 };
        })
        .finally(() => (this.reserving = null));
      await this.reserving;
    }
    return this.reserved.next++;
  }

  /** A record and its base, read together. */
  async recordAndBase(table: SyncTableName, id: string): Promise<{ record: LocalRecord | undefined; base: SyncBase | undefined }> {
    const t = this.table(table);
    return this.db.transaction('r', [t, this.db.syncBase], async () => {
      const [record, base] = await Promise.all([t.get(id), this.db.syncBase.get(id)]);
      return { record, base };
    });
  }

  async updateDevice(change: Partial<Omit<SyncDevice, 'key' | 'deviceId' | 'counter'>>): Promise<void> {
    await this.db.transaction('rw', this.db.syncDevice, async () => {
      const d = await this.db.syncDevice.get('device');
      if (d) await this.db.syncDevice.put({ ...d, ...change });
    });
  }

  /** Joins another sync folder: bases of the old one no longer say anything. */
  async switchStore(storeId: string): Promise<void> {
    await this.db.transaction('rw', this.db.syncDevice, this.db.syncBase, async () => {
      await this.db.syncBase.clear();
      const d = await this.db.syncDevice.get('device');
      if (d) await this.db.syncDevice.put({ ...d, storeId });
    });
  }

  async countBases(): Promise<number> {
    return this.db.syncBase.count();
  }

  /** Every record and base, for one run's decisions. */
  async loadAll(): Promise<{ records: Map<string, { table: SyncTableName; record: LocalRecord }>; bases: Map<string, SyncBase> }> {
    const [confs, talks, bases] = await Promise.all([this.db.conferences.toArray(), this.db.talks.toArray(), this.db.syncBase.toArray()]);
    const records = new Map<string, { table: SyncTableName; record: LocalRecord }>();
    for (const c of confs) records.set(c.id, { table: 'conferences', record: c });
    for (const t of talks) records.set(t.id, { table: 'talks', record: t });
    return { records, bases: new Map(bases.map((b) => [b.id, b])) };
  }

  get(table: SyncTableName, id: string): Promise<LocalRecord | undefined> {
    return this.table(table).get(id);
  }

  getBase(id: string): Promise<SyncBase | undefined> {
    return this.db.syncBase.get(id);
  }

  async saveBase(base: SyncBase): Promise<void> {
    await this.db.syncBase.put(base);
  }

  /** A new base that remembers the one it replaces as a merge ancestor. */
  static nextBase(old: SyncBase | undefined, next: Omit<SyncBase, 'history'>): SyncBase {
    const history = old ? [...old.history] : [];
    if (old && !old.deleted && old.text && old.text !== next.text) history.push({ vv: old.vv, text: old.text });
    return { ...next, history: history.slice(-BASE_HISTORY) };
  }

  private async keepVersion(table: SyncTableName, before: LocalRecord, now: string): Promise<void> {
    if (!before.body.trim()) return;
    const v: Version = { id: newId(), recordId: before.id, table, created: now, reason: 'sync', record: before };
    await this.db.versions.add(v);
    const all = await this.db.versions.where('recordId').equals(before.id).toArray();
    if (all.length > KEEP_VERSIONS) {
      const oldest = all.sort((a, b) => a.created.localeCompare(b.created)).slice(0, all.length - KEEP_VERSIONS);
      await this.db.versions.bulkDelete(oldest.map((x) => x.id));
    }
  }

  /**
   * Stores another device's version of a record (live), keeping the text it replaces in the history, and the new
   * base with it — only if the record is still at `expectedRev` (undefined: must not exist). Returns whether it did.
   */
  async applyRemote(
    table: SyncTableName,
    incoming: Omit<LocalRecord, 'localRev' | 'deletedAt'>,
    expectedRev: number | undefined,
    base: (localRev: number) => SyncBase,
    now: string,
  ): Promise<boolean> {
    const t = this.table(table);
    return this.db.transaction('rw', [t, this.db.versions, this.db.syncBase], async () => {
      const current = await t.get(incoming.id);
      if ((current?.localRev ?? undefined) !== expectedRev) return false;
      if (current && current.body !== incoming.body) await this.keepVersion(table, current, now);
      const localRev = (current?.localRev ?? 0) + 1;
      // `updated` is when this device last changed the record: the search index and recent notes follow it.
      const record = { ...incoming, localRev, deletedAt: null, updated: now } as LocalRecord;
      await (t as typeof this.db.talks).put(record as Talk);
      await this.db.syncBase.put(base(localRev));
      return true;
    });
  }

  /** Moves a record to the Trash because another device deleted it, if it is still at `expectedRev`. */
  async trashRemote(table: SyncTableName, id: string, expectedRev: number, base: (localRev: number) => SyncBase, now: string): Promise<boolean> {
    const t = this.table(table);
    return this.db.transaction('rw', [t, this.db.syncBase], async () => {
      const current = await t.get(id);
      if (!current || current.localRev !== expectedRev) return false;
      const localRev = current.localRev + 1;
      await (t as typeof this.db.talks).put({ ...(current as Talk), deletedAt: now, updated: now, localRev });
      await this.db.syncBase.put(base(localRev));
      return true;
    });
  }

  /**
   * Both sides changed and would not merge: the remote text becomes the record (so every device converges) and
   * this device's text becomes a conflict copy beside it. Only if the record is still at `expectedRev`.
   */
  async applyConflict(
    table: SyncTableName,
    incoming: Omit<LocalRecord, 'localRev' | 'deletedAt'>,
    expectedRev: number,
    base: (localRev: number) => SyncBase,
    copy: LocalRecord,
    now: string,
  ): Promise<boolean> {
    const t = this.table(table);
    return this.db.transaction('rw', [t, this.db.versions, this.db.syncBase], async () => {
      const current = await t.get(incoming.id);
      if (!current || current.localRev !== expectedRev) return false;
      if (!(await t.get(copy.id))) await (t as typeof this.db.talks).add(copy as Talk);
      await this.keepVersion(table, current, now);
      const localRev = current.localRev + 1;
      await (t as typeof this.db.talks).put({ ...incoming, localRev, deletedAt: null, updated: now } as Talk);
      await this.db.syncBase.put(base(localRev));
      return true;
    });
  }

  async hasBlob(sha256: string): Promise<boolean> {
    return (await this.db.blobs.where('sha256').equals(sha256).count()) > 0;
  }

  async blobBytes(sha256: string): Promise<{ bytes: Uint8Array; type: string } | null> {
    const b = await this.db.blobs.get(sha256);
    if (!b) return null;
    return { bytes: new Uint8Array(await b.blob.arrayBuffer()), type: b.type };
  }

  async putBlob(sha256: string, bytes: Uint8Array, type: string): Promise<void> {
    await this.db.blobs.put({ sha256, blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), type, size: bytes.length });
  }

  async addRun(run: SyncRun): Promise<void> {
    await this.db.transaction('rw', this.db.syncRuns, async () => {
      await this.db.syncRuns.add(run);
      // The log is for the status line and bug reports: the last 50 runs do.
      const keys = await this.db.syncRuns.orderBy('id').primaryKeys();
      if (keys.length > 50) await this.db.syncRuns.bulkDelete(keys.slice(0, keys.length - 50));
    });
  }
}
