/**
 * One record's sync: read how it stands here and in the folder, decide (reconcile.ts), act with conditional
 * writes, read back, and only then move the base. Every step can be cut off and run again: each write either
 * landed (and the next pass sees equal content) or did not (and the next pass does it again).
 */
import type { Conference, Talk } from '../model/types';
import type { LocalRecord, LocalReplica } from '../db/sync-local';
import { LocalReplica as Replica } from '../db/sync-local';
import type { SyncBase, SyncDevice, SyncTableName } from '../db/sync-types';
import { photoPath } from '../markdown/export-text';
import { idFromHash, sha256Hex, utf8 } from './hash';
import { mergeRecords } from './merge';
import { decide, type FileState, type LocalState, type TombState } from './reconcile';
import {
  parseRecordFile,
  recordPath,
  serialiseRecord,
  syncedKeys,
  syncedPart,
  type SyncedRecord,
} from './remote-format';
import { parseTombstone, serialiseTombstone, tombstonePath, type Tombstone } from './remote-meta';
import { isRemoteError, type RemoteEntry, type RemoteStore, type WriteCondition } from './remote-store';
import { dominatedBy, joinVv, type VersionVector } from './version-vector';

export interface SyncCounts {
  uploaded: number;
  downloaded: number;
  merged: number;
  conflicts: number;
  quarantined: Array<{ path: string; reason: string }>;
  /** Records left for the next run (a write kept losing a race, or the person was typing). */
  deferred: number;
}

export interface RecordContext {
  remote: RemoteStore;
  local: LocalReplica;
  device: SyncDevice;
  storeId: string;
  now: () => string;
  counts: SyncCounts;
}

type Step = 'done' | 'retry';
const MAX_ATTEMPTS = 4;

/** The hash that says whether two versions of a record hold the same content (vv and updated left out). */
export function contentHash(table: SyncTableName, record: SyncedRecord | LocalRecord): Promise<string> {
  const synced = 'localRev' in record ? syncedPart(table, record) : record;
  return sha256Hex(serialiseRecord(table, synced, {}, { forHash: true }));
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const isWeak = (etag: string | null | undefined): boolean => !!etag && etag.startsWith('W/');

/** How the local copy stands against its base; hashes only when the revision moved. */
export async function localStateOf(
  table: SyncTableName,
  rec: LocalRecord | undefined,
  base: SyncBase | undefined,
): Promise<LocalState> {
  const liveBase = !!base && !base.deleted;
  if (!rec || rec.deletedAt !== null) return liveBase ? 'deleted' : 'none';
  if (!liveBase) return 'changed';
  if (rec.localRev === base.localRev) return 'unchanged';
  return (await contentHash(table, rec)) === base.contentHash ? 'unchanged' : 'changed';
}

export function fileStateOf(file: RemoteEntry | null, base: SyncBase | undefined): FileState {
  if (!file) return 'absent';
  if (base && !base.deleted && file.etag !== null && file.etag === base.etag) return 'unchanged';
  return 'changed';
}

export function tombStateOf(tomb: RemoteEntry | null, base: SyncBase | undefined): TombState {
  if (!tomb) return 'absent';
  if (base?.deleted && tomb.etag !== null && tomb.etag === base.tombEtag) return 'known';
  return 'new';
}

interface Fetched {
  record: SyncedRecord;
  vv: VersionVector;
  text: string;
  etag: string | null;
  hash: string;
}

export class RecordSync {
  constructor(private readonly ctx: RecordContext) {}

  private get remote(): RemoteStore {
    return this.ctx.remote;
  }

  private get local(): LocalReplica {
    return this.ctx.local;
  }

  /** Brings one record to agreement; gives up (for this run) after a few lost races. */
  async sync(id: string, table: SyncTableName, file: RemoteEntry | null, tomb: RemoteEntry | null): Promise<void> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if ((await this.step(id, table, file, tomb)) === 'done') return;
      // Something moved under us: look at the two files again, waiting out weak ETags (valid a second later).
      if (isWeak(file?.etag) || isWeak(tomb?.etag)) await new Promise((r) => setTimeout(r, 1100));
      [file, tomb] = await Promise.all([this.remote.stat(recordPath(table, id)), this.remote.stat(tombstonePath(id))]);
    }
    this.ctx.counts.deferred++;
  }

  private async step(id: string, table: SyncTableName, file: RemoteEntry | null, tomb: RemoteEntry | null): Promise<Step> {
    const { record: rec, base } = await this.local.recordAndBase(table, id);
    const path = recordPath(table, id);
    if (base?.quarantined && file && file.etag !== null && base.quarantined.etag === file.etag) {
      this.ctx.counts.quarantined.push({ path, reason: base.quarantined.reason });
      return 'done';
    }
    const local = await localStateOf(table, rec, base);
    const action = decide({ liveBase: !!base && !base.deleted, local, file: fileStateOf(file, base), tomb: tombStateOf(tomb, base) });
    switch (action.kind) {
      case 'nothing':
        if (rec && base && !base.deleted && local === 'unchanged' && rec.localRev !== base.localRev) {
          // Same content under a newer revision (e.g. a save that changed nothing): remember, to skip hashing next time.
          await this.local.saveBase({ ...base, localRev: rec.localRev });
        }
        return 'done';
      case 'upload': {
        const cond: WriteCondition = action.create ? { ifNoneMatch: '*' } : { ifMatch: base!.etag ?? '*' };
        return this.upload(table, rec!, base, cond, []);
      }
      case 'pull':
      case 'merge': {
        const got = await this.fetch(table, id, file, base);
        if (got === 'gone') return 'retry';
        if (got === 'quarantined') return 'done';
        return this.reconcileWith(table, rec, base, got);
      }
      case 'push-delete':
        return this.pushDelete(table, id, rec, base!, action.fileExists);
      case 'tombstone':
        return this.takeTombstone(table, id, rec, base, local, tomb!);
      case 'resurrect':
        return this.resurrect(table, rec!, base!, tomb!);
      case 'both':
        return this.settleBoth(table, id, base, file!, tomb!);
    }
  }

  /** GET and parse a record file; a file that does not read is quarantined, never touched. */
  private async fetch(table: SyncTableName, id: string, entry: RemoteEntry | null, base: SyncBase | undefined): Promise<Fetched | 'gone' | 'quarantined'> {
    const path = recordPath(table, id);
    const got = await this.remote.get(path);
    if (!got) return 'gone';
    const parsed = parseRecordFile(table, id, got.body);
    const etag = entry?.etag ?? got.etag;
    if (!parsed.ok) {
      this.ctx.counts.quarantined.push({ path, reason: parsed.reason });
      await this.quarantine(id, table, base, { etag, reason: parsed.reason });
      return 'quarantined';
    }
    const text = new TextDecoder().decode(got.body);
    return { record: parsed.record, vv: parsed.vv, text, etag, hash: await contentHash(table, parsed.record) };
  }

  /** Remembers a file that could not be read (by ETag), so it is reported, not fetched, until it changes. */
  private async quarantine(id: string, table: SyncTableName, base: SyncBase | undefined, q: NonNullable<SyncBase['quarantined']>): Promise<void> {
    // Without a base, a placeholder that stands for "nothing agreed" (deleted, no revision) carries the note.
    const b: SyncBase = base ?? { id, storeId: this.ctx.storeId, table, deleted: true, etag: null, text: '', contentHash: '', vv: {}, localRev: -1, attachments: [], tombEtag: null, history: [] };
    await this.local.saveBase({ ...b, quarantined: q });
  }

  /** Takes a remote version: as it is, merged with the local edit, or as the record with a conflict copy beside it. */
  private async reconcileWith(table: SyncTableName, rec: LocalRecord | undefined, base: SyncBase | undefined, got: Fetched): Promise<Step> {
    const live = rec && rec.deletedAt === null ? rec : undefined;
    const localHash = live ? await contentHash(table, live) : null;
    const agreedBase = (localRev: number): SyncBase =>
      Replica.nextBase(base, {
        id: got.record.id,
        storeId: this.ctx.storeId,
        table,
        deleted: false,
        etag: got.etag,
        text: got.text,
        contentHash: got.hash,
        vv: got.vv,
        localRev,
        attachments: attachmentShas(got.record),
        tombEtag: null,
      });
    if (live && localHash === got.hash) {
      await this.local.saveBase(agreedBase(live.localRev));
      return 'done';
    }
    const liveBase = !!base && !base.deleted;
    const localEdited = live && (!liveBase || (live.localRev !== base.localRev && localHash !== base.contentHash));
    // The remote holds every version the base holds: if nothing changed here, simply take it.
    const remoteIsNewer = !liveBase || dominatedBy(base.vv, got.vv);
    if (!localEdited && (remoteIsNewer || !live)) return this.take(table, rec, got, agreedBase);
    // Both changed, or the remote lost a version this device had (a server that let two writes race).
    const ancestor = this.ancestor(base, got.vv);
    if (ancestor) {
      const anc = parseRecordFile(table, got.record.id, utf8(ancestor));
      if (anc.ok) {
        const m = mergeRecords(syncedKeys(table), anc.record, syncedPart(table, live!), got.record);
        if (m.clean) {
          if ((await contentHash(table, m.record)) === got.hash) return this.take(table, rec, got, agreedBase);
          return this.uploadMerged(table, live!, base, got, m.record);
        }
      }
    }
    return this.conflictCopy(table, live!, base, got, agreedBase, localHash!);
  }

  /** The newest agreed text every change in `remoteVv` builds on. */
  private ancestor(base: SyncBase | undefined, remoteVv: VersionVector): string | null {
    if (!base) return null;
    if (!base.deleted && dominatedBy(base.vv, remoteVv)) return base.text;
    for (let i = base.history.length - 1; i >= 0; i--) {
      const h = base.history[i]!;
      if (dominatedBy(h.vv, remoteVv)) return h.text;
    }
    return null;
  }

  private async take(table: SyncTableName, rec: LocalRecord | undefined, got: Fetched, agreedBase: (rev: number) => SyncBase): Promise<Step> {
    await this.downloadPhotos(got.record);
    const applied = await this.local.applyRemote(table, got.record as Omit<LocalRecord, 'localRev' | 'deletedAt'>, rec?.localRev, agreedBase, this.ctx.now());
    if (applied) this.ctx.counts.downloaded++;
    else this.ctx.counts.deferred++;
    return 'done';
  }

  private async uploadMerged(table: SyncTableName, live: LocalRecord, base: SyncBase | undefined, got: Fetched, merged: SyncedRecord): Promise<Step> {
    const up = await this.write(table, merged, base, { ifMatch: got.etag ?? '*' }, [base?.vv ?? {}, got.vv]);
    if (up === 'retry') return 'retry';
    await this.downloadPhotos(merged);
    const applied = await this.local.applyRemote(
      table,
      merged as Omit<LocalRecord, 'localRev' | 'deletedAt'>,
      live.localRev,
      (localRev) => Replica.nextBase(base, { ...up, localRev }),
      this.ctx.now(),
    );
    // If the person typed meanwhile, the base stays where it was: the next pass merges their new text with this one.
    if (applied) this.ctx.counts.merged++;
    else this.ctx.counts.deferred++;
    return 'done';
  }

  private async conflictCopy(
    table: SyncTableName,
    live: LocalRecord,
    base: SyncBase | undefined,
    got: Fetched,
    agreedBase: (rev: number) => SyncBase,
    localHash: string,
  ): Promise<Step> {
    const now = this.ctx.now();
    // The copy's id comes from the record and the text it keeps, so a run cut off and repeated makes no second copy.
    const copyId = idFromHash(await sha256Hex(`${live.id}:${localHash}`));
    const copy = { ...live, id: copyId, conflictOf: live.id, conflictFrom: this.ctx.device.name, localRev: 1, deletedAt: null, created: now, updated: now } as Talk | Conference;
    await this.downloadPhotos(got.record);
    const applied = await this.local.applyConflict(table, got.record as Omit<LocalRecord, 'localRev' | 'deletedAt'>, live.localRev, agreedBase, copy, now);
    if (!applied) {
      this.ctx.counts.deferred++;
      return 'done';
    }
    this.ctx.counts.conflicts++;
    void base;
    // Share the copy at once, so the other device sees the text it is missing.
    await this.sync(copyId, table, null, null);
    return 'done';
  }

  /** Uploads the local record over `cond`, merging version vectors `vvs` and adding a change of this device. */
  private async upload(table: SyncTableName, rec: LocalRecord, base: SyncBase | undefined, cond: WriteCondition, vvs: VersionVector[]): Promise<Step> {
    const up = await this.write(table, syncedPart(table, rec), base, cond, [base?.vv ?? {}, ...vvs]);
    if (up === 'retry') return 'retry';
    await this.local.saveBase(Replica.nextBase(base, { ...up, localRev: rec.localRev }));
    this.ctx.counts.uploaded++;
    return 'done';
  }

  /** Conditional PUT, then read back: the write counts only if the server now holds exactly these bytes. */
  private async write(
    table: SyncTableName,
    record: SyncedRecord,
    base: SyncBase | undefined,
    cond: WriteCondition,
    vvs: VersionVector[],
  ): Promise<Omit<SyncBase, 'localRev' | 'history'> | 'retry'> {
    await this.uploadPhotos(record, base);
    const vv = joinVv(...vvs);
    vv[this.ctx.device.deviceId] = await this.local.nextCounter();
    const text = serialiseRecord(table, record, vv);
    const bytes = utf8(text);
    const path = recordPath(table, record.id);
    if (!(await this.putCreatingFolder(path, bytes, cond, table))) return 'retry';
    const back = await this.remote.get(path);
    if (!back || !sameBytes(back.body, bytes)) return 'retry';
    const etag = back.etag ?? (await this.remote.stat(path))?.etag ?? null;
    return {
      id: record.id,
      storeId: this.ctx.storeId,
      table,
      deleted: false,
      etag,
      text,
      contentHash: await contentHash(table, record),
      vv,
      attachments: attachmentShas(record),
      tombEtag: null,
    };
  }

  /** PUT; false when the precondition failed. Makes the folder when the server says it is missing. */
  private async putCreatingFolder(path: string, bytes: Uint8Array, cond: WriteCondition, dir: string): Promise<boolean> {
    try {
      await this.remote.put(path, bytes, cond);
      return true;
    } catch (e) {
      if (isRemoteError(e, 'precondition')) return false;
      if (!isRemoteError(e, 'parent-missing')) throw e;
    }
    await this.ensureDirOnce(dir);
    try {
      await this.remote.put(path, bytes, cond);
      return true;
    } catch (e) {
      if (isRemoteError(e, 'precondition')) return false;
      throw e;
    }
  }

  // Workers that find the same folder missing at once share one MKCOL: Apache answers 403 to a MKCOL that loses
  // the race to create the folder.
  private readonly dirs = new Map<string, Promise<void>>();

  private ensureDirOnce(dir: string): Promise<void> {
    let made = this.dirs.get(dir);
    if (!made) {
      made = this.remote.ensureDir(dir).catch((e: unknown) => {
        this.dirs.delete(dir);
        // Made by someone else meanwhile: the PUT that follows tells.
        if (!isRemoteError(e, 'forbidden')) throw e;
      });
      this.dirs.set(dir, made);
    }
    return made;
  }

  /** E: tombstone first, then the file; if someone edited the file meanwhile, their edit wins. */
  private async pushDelete(table: SyncTableName, id: string, rec: LocalRecord | undefined, base: SyncBase, fileExists: boolean): Promise<Step> {
    const tomb: Tombstone = {
      id,
      table,
      deletedAt: rec?.deletedAt ?? this.ctx.now(),
      deletedBy: this.ctx.device.deviceId,
      vv: { ...base.vv, [this.ctx.device.deviceId]: await this.local.nextCounter() },
      lastContentHash: base.contentHash,
    };
    const path = tombstonePath(id);
    const bytes = utf8(serialiseTombstone(tomb));
    if (!(await this.putCreatingFolder(path, bytes, { ifNoneMatch: '*' }, 'tombstones'))) {
      // An older tombstone of the same record (deleted, brought back, deleted again): replace it.
      const old = await this.remote.stat(path);
      if (!old || !(await this.putCreatingFolder(path, bytes, old.etag ? { ifMatch: old.etag } : {}, 'tombstones'))) return 'retry';
    }
    const back = await this.remote.get(path);
    if (!back || !sameBytes(back.body, bytes)) return 'retry';
    if (fileExists) {
      try {
        await this.remote.delete(recordPath(table, id), base.etag ? { ifMatch: base.etag } : {});
      } catch (e) {
        if (!isRemoteError(e, 'precondition')) throw e;
        // The file changed since this device saw it: an edit beats a delete. Take the tombstone back.
        await this.remote.delete(path, back.etag ? { ifMatch: back.etag } : {});
        return 'retry';
      }
    }
    await this.local.saveBase(
      Replica.nextBase(base, { ...base, deleted: true, etag: null, text: '', vv: tomb.vv, localRev: rec?.localRev ?? base.localRev, tombEtag: back.etag }),
    );
    this.ctx.counts.uploaded++;
    return 'done';
  }

  private async readTombstone(id: string, table: SyncTableName, base: SyncBase | undefined, entry: RemoteEntry): Promise<(Tombstone & { etag: string | null }) | 'gone' | 'quarantined'> {
    const path = tombstonePath(id);
    const got = await this.remote.get(path);
    if (!got) return 'gone';
    const parsed = parseTombstone(id, got.body);
    if (!parsed.ok) {
      this.ctx.counts.quarantined.push({ path, reason: parsed.reason });
      await this.quarantine(id, table, base, { etag: 'tomb:' + entry.etag, reason: parsed.reason });
      return 'quarantined';
    }
    void table;
    return { ...parsed.value, etag: entry.etag ?? got.etag };
  }

  /** G / G': a tombstone this device has not seen. */
  private async takeTombstone(
    table: SyncTableName,
    id: string,
    rec: LocalRecord | undefined,
    base: SyncBase | undefined,
    local: LocalState,
    entry: RemoteEntry,
  ): Promise<Step> {
    if (base?.quarantined?.etag === 'tomb:' + entry.etag) {
      this.ctx.counts.quarantined.push({ path: tombstonePath(id), reason: base.quarantined.reason });
      return 'done';
    }
    const t = await this.readTombstone(id, table, base, entry);
    if (t === 'gone') return 'retry';
    if (t === 'quarantined') return 'done';
    const deletedBase = (localRev: number): SyncBase =>
      Replica.nextBase(base, {
        id,
        storeId: this.ctx.storeId,
        table: t.table,
        deleted: true,
        etag: null,
        text: '',
        contentHash: t.lastContentHash,
        vv: joinVv(base?.vv ?? {}, t.vv),
        localRev,
        attachments: base?.attachments ?? [],
        tombEtag: t.etag,
      });
    const live = rec && rec.deletedAt === null ? rec : undefined;
    const deleterSawOurs = !!base && !base.deleted && dominatedBy(base.vv, t.vv);
    if (live && (local === 'changed' || !deleterSawOurs)) {
      // Edit beats delete: this device holds a version the deleter never saw. Put it back, then lift the tombstone.
      const step = await this.upload(table, live, base, { ifNoneMatch: '*' }, [t.vv]);
      if (step === 'retry') return 'retry';
      await this.remote.delete(tombstonePath(id), t.etag ? { ifMatch: t.etag } : {}).catch((e: unknown) => {
        if (!isRemoteError(e, 'precondition')) throw e;
      });
      return 'done';
    }
    if (live) {
      const done = await this.local.trashRemote(table, id, live.localRev, deletedBase, this.ctx.now());
      if (done) this.ctx.counts.downloaded++;
      else this.ctx.counts.deferred++;
      return 'done';
    }
    await this.local.saveBase(deletedBase(rec?.localRev ?? base?.localRev ?? 0));
    return 'done';
  }

  /** A local edit of a record whose deletion was agreed (restored from the Trash): upload it, lift the tombstone. */
  private async resurrect(table: SyncTableName, rec: LocalRecord, base: SyncBase, tomb: RemoteEntry): Promise<Step> {
    const step = await this.upload(table, rec, base, { ifNoneMatch: '*' }, []);
    if (step === 'retry') return 'retry';
    await this.remote.delete(tombstonePath(rec.id), tomb.etag ? { ifMatch: tomb.etag } : {}).catch((e: unknown) => {
      if (!isRemoteError(e, 'precondition')) throw e;
    });
    return 'done';
  }

  /** J: a file and a tombstone at once. */
  private async settleBoth(table: SyncTableName, id: string, base: SyncBase | undefined, file: RemoteEntry, tomb: RemoteEntry): Promise<Step> {
    if (base?.quarantined?.etag === 'tomb:' + tomb.etag) {
      this.ctx.counts.quarantined.push({ path: tombstonePath(id), reason: base.quarantined.reason });
      return 'done';
    }
    const t = await this.readTombstone(id, table, base, tomb);
    if (t === 'gone') return 'retry';
    if (t === 'quarantined') return 'done';
    const got = await this.fetch(table, id, file, base);
    if (got === 'quarantined') return 'done';
    if (got === 'gone') return 'retry';
    try {
      if (got.hash === t.lastContentHash) {
        // The deleted version is still there: a delete cut off between tombstone and file. Finish it.
        await this.remote.delete(recordPath(table, id), got.etag ? { ifMatch: got.etag } : {});
      } else {
        // The file is newer than the deletion: it was brought back. Lift the tombstone.
        await this.remote.delete(tombstonePath(id), t.etag ? { ifMatch: t.etag } : {});
      }
    } catch (e) {
      if (!isRemoteError(e, 'precondition')) throw e;
    }
    return 'retry';
  }

  private async uploadPhotos(record: SyncedRecord, base: SyncBase | undefined): Promise<void> {
    const known = new Set(base?.attachments ?? []);
    for (const a of (record as Partial<Talk>).attachments ?? []) {
      if (known.has(a.sha256)) continue;
      const blob = await this.local.blobBytes(a.sha256);
      if (!blob) continue;
      try {
        // Named by content: If-None-Match makes a second upload of the same photo a harmless 412.
        await this.putCreatingFolder(photoPath(a.sha256, a.type), blob.bytes, { ifNoneMatch: '*' }, 'attachments');
      } catch (e) {
        if (!isRemoteError(e, 'too-large')) throw e;
        this.ctx.counts.quarantined.push({ path: photoPath(a.sha256, a.type), reason: 'the server refused the photo as too large' });
      }
    }
  }

  private async downloadPhotos(record: SyncedRecord): Promise<void> {
    for (const a of (record as Partial<Talk>).attachments ?? []) {
      if (await this.local.hasBlob(a.sha256)) continue;
      const path = photoPath(a.sha256, a.type);
      const got = await this.remote.get(path);
      if (!got) continue;
      if ((await sha256Hex(got.body)) !== a.sha256) {
        this.ctx.counts.quarantined.push({ path, reason: 'the photo does not match its name (SHA-256)' });
        continue;
      }
      await this.local.putBlob(a.sha256, got.body, a.type);
    }
  }
}

function attachmentShas(record: SyncedRecord): string[] {
  return ((record as Partial<Talk>).attachments ?? []).map((a) => a.sha256);
}
