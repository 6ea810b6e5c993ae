/**
 * One sync run: check the folder is the one this device knows, list it (the listings with their ETags are the
 * index), then bring every record that differs to agreement, conferences before talks, at most four requests at
 * a time. Safe to run twice in a row and to cut off anywhere: see record-sync.ts.
 */
import { db as appDb, type LecternDb } from '../db/database';
import { LocalReplica } from '../db/sync-local';
import type { SyncDevice, SyncTableName, SyncTally } from '../db/sync-types';
import { nowIso } from '../model/ids';
import type { SyncConfig } from './config';
import { describeDevice } from './device-name';
import { runPool } from './pool';
import { decide } from './reconcile';
import { fileStateOf, localStateOf, RecordSync, tombStateOf, type RecordContext, type SyncCounts } from './record-sync';
import { ID_PATTERN } from './remote-format';
import { devicePath, serialiseDevice } from './remote-meta';
import type { RemoteEntry, RemoteStore } from './remote-store';
import { connectStore } from './store-identity';
import { stopFor, SyncStop } from './sync-stop';
import { utf8 } from './hash';
import { WebDavStore } from './webdav-store';

export { SyncStop, type SyncStopReason } from './sync-stop';

export interface SyncProgress {
  done: number;
  total: number;
}

export interface SyncResult extends SyncTally {
  /** Records left for the next run (the person was typing, or a write kept losing a race). */
  deferred: number;
  /** Server clock minus device clock (ms), from the server's Date header; for a warning only. */
  clockOffsetMs: number | null;
}

export interface RunSyncOptions {
  onProgress?: (p: SyncProgress) => void;
  signal?: AbortSignal;
  /** After the user answered a 'remote-lost' or 'other-folder' stop. */
  resolution?: 'upload-here' | 'merge-into';
  /** The device's database; the app's by default (tests pass one per simulated device). */
  db?: LecternDb;
  /** Another transport (tests); WebDAV over fetch by default. */
  remote?: RemoteStore;
  /** The clock, for timestamps only: no decision depends on it. */
  now?: () => string;
  /** Shown on conflict copies made here. */
  deviceName?: string;
  /** App version written to devices/<id>.json. */
  appVersion?: string;
}

/** Requests in flight at once: enough to hide latency, few enough for a phone and a small server. */
export const PARALLEL_REQUESTS = 4;
/** A folder that lost more than this share of the files this device synced (and at least 5) is not trusted. */
const LOST_SHARE = 0.2;
const LOST_MIN = 5;
const DEVICE_NOTE_EVERY_MS = 6 * 3600_000;

const DIRS = { conferences: 'conferences', talks: 'talks', tombstones: 'tombstones' } as const;

function byId(entries: RemoteEntry[] | null, ext: string): Map<string, RemoteEntry> {
  const out = new Map<string, RemoteEntry>();
  for (const e of entries ?? []) {
    if (!e.name.endsWith(ext)) continue;
    const id = e.name.slice(0, -ext.length);
    if (ID_PATTERN.test(id)) out.set(id, e);
  }
  return out;
}

/** Syncs this device with the folder in `c`. Throws SyncStop when it cannot go on; nothing local is lost then. */
export async function runSync(c: SyncConfig, opts: RunSyncOptions = {}): Promise<SyncResult> {
  const now = opts.now ?? nowIso;
  const local = new LocalReplica(opts.db ?? appDb);
  const remote = opts.remote ?? new WebDavStore(c, { signal: opts.signal });
  const started = now();
  const counts: SyncCounts = { uploaded: 0, downloaded: 0, merged: 0, conflicts: 0, quarantined: [], deferred: 0 };
  const result = (): SyncResult => ({
    uploaded: counts.uploaded,
    downloaded: counts.downloaded,
    merged: counts.merged,
    conflicts: counts.conflicts,
    requests: remote.requests,
    quarantined: counts.quarantined,
    deferred: counts.deferred,
    clockOffsetMs: remote.clockOffsetMs,
  });
  const log = async (ok: boolean, stop?: SyncStop, message?: string): Promise<void> => {
    await local.addRun({
      started,
      finished: now(),
      ok,
      ...(stop ? { reason: stop.reason, message: stop.message } : message ? { message } : {}),
      ...result(),
    });
  };
  try {
    const device = await local.device(opts.deviceName ?? describeDevice());
    const { storeId, fresh } = await connectStore(remote, local, device, opts.resolution, now);
    await syncRecords(remote, local, { ...device, storeId }, storeId, now, counts, opts, fresh);
    await writeDeviceNote(remote, local, device, now, opts.appVersion ?? 'unknown');
    const quarantine = counts.quarantined.length;
    await log(true, undefined, quarantine ? `${quarantine} file${quarantine === 1 ? '' : 's'} in the folder could not be read and were left alone.` : undefined);
    return result();
  } catch (e) {
    const stop = stopFor(e);
    await log(false, stop ?? undefined, stop ? undefined : e instanceof Error ? e.message : String(e)).catch(() => undefined);
    throw stop ?? e;
  }
}

async function syncRecords(
  remote: RemoteStore,
  local: LocalReplica,
  device: SyncDevice,
  storeId: string,
  now: () => string,
  counts: SyncCounts,
  opts: RunSyncOptions,
  fresh: boolean,
): Promise<void> {
  const [confList, talkList, tombList] = await Promise.all([
    remote.list(DIRS.conferences),
    remote.list(DIRS.talks),
    remote.list(DIRS.tombstones),
  ]);
  const files: Record<SyncTableName, Map<string, RemoteEntry>> = { conferences: byId(confList, '.md'), talks: byId(talkList, '.md') };
  const tombs = byId(tombList, '.json');
  const { records, bases } = await local.loadAll();

  // Absent is not deleted: a folder that lost many of the files this device synced is suspect, not a deletion.
  if (!fresh && opts.resolution !== 'upload-here') {
    let synced = 0;
    let missing = 0;
    for (const b of bases.values()) {
      if (b.deleted || b.etag === null) continue;
      synced++;
      if (!files[b.table].has(b.id) && !tombs.has(b.id)) missing++;
    }
    if (missing >= LOST_MIN && missing > synced * LOST_SHARE) throw new SyncStop('remote-lost', `${missing} of ${synced} synced files are missing`);
  }

  // Which table each id belongs to: local record, base, remote file, or the tombstone's word (read later).
  const tableOf = new Map<string, SyncTableName>();
  for (const [id, r] of records) tableOf.set(id, r.table);
  for (const [id, b] of bases) if (!tableOf.has(id)) tableOf.set(id, b.table);
  for (const t of ['conferences', 'talks'] as const) for (const id of files[t].keys()) if (!tableOf.has(id)) tableOf.set(id, t);
  // A tombstone of a record never seen here: its table is read from it; talks is only the folder to look in.
  for (const id of tombs.keys()) if (!tableOf.has(id)) tableOf.set(id, 'talks');

  const work: Record<SyncTableName, string[]> = { conferences: [], talks: [] };
  for (const [id, table] of tableOf) {
    const base = bases.get(id);
    const rec = records.get(id)?.record;
    const file = files[table].get(id) ?? null;
    const tomb = tombs.get(id) ?? null;
    const state = await localStateOf(table, rec, base);
    const action = decide({ liveBase: !!base && !base.deleted, local: state, file: fileStateOf(file, base), tomb: tombStateOf(tomb, base) });
    if (action.kind !== 'nothing') work[table].push(id);
    else if (base?.quarantined && file && file.etag === base.quarantined.etag) counts.quarantined.push({ path: `${table}/${id}.md`, reason: base.quarantined.reason });
  }

  const total = work.conferences.length + work.talks.length;
  let done = 0;
  opts.onProgress?.({ done, total });
  const ctx: RecordContext = { remote, local, device, storeId, now, counts };
  const rs = new RecordSync(ctx);
  for (const table of ['conferences', 'talks'] as const) {
    await runPool(work[table], PARALLEL_REQUESTS, async (id) => {
      await rs.sync(id, table, files[table].get(id) ?? null, tombs.get(id) ?? null);
      opts.onProgress?.({ done: ++done, total });
    });
  }
}

/** devices/<id>.json: which devices use the folder and when they last synced. Only this device writes its file. */
async function writeDeviceNote(remote: RemoteStore, local: LocalReplica, device: SyncDevice, now: () => string, app: string): Promise<void> {
  const last = device.noteWritten ? Date.parse(device.noteWritten) : 0;
  const at = now();
  if (Date.parse(at) - last < DEVICE_NOTE_EVERY_MS && Date.parse(at) >= last) return;
  const body = utf8(serialiseDevice({ deviceId: device.deviceId, name: device.name, lastSync: at, app }));
  try {
    await remote.put(devicePath(device.deviceId), body, {});
  } catch {
    // Diagnostics only: a missing devices/ folder or a full disk is reported by the record writes, not here.
    await remote.ensureDir('devices').catch(() => undefined);
    return;
  }
  await local.updateDevice({ noteWritten: at });
}
