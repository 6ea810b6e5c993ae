/** Backup and restore of everything in the database, each in one transaction. */
import type { Conference, Setting, Talk, Version } from '../model/types';
import { newId, nowIso } from '../model/ids';
import { isBackedUpSetting, type BackupData } from '../backup/format';
import { db } from './database';
import { trackWrite } from './pending';
import { forgetSnapshotTimes } from './versions';

/** Everything to back up, read in one transaction so it is one consistent moment. */
export function collectBackup(appVersion: string, created = nowIso()): Promise<BackupData> {
  return db.transaction('r', db.tables, async () => {
    const [conferences, talks, versions, settings, blobs] = await Promise.all([
      db.conferences.toArray(),
      db.talks.toArray(),
      db.versions.toArray(),
      db.settings.toArray(),
      db.blobs.toArray(),
    ]);
    const photos = await Promise.all(blobs.map(async (b) => ({ sha256: b.sha256, type: b.type, bytes: new Uint8Array(await b.blob.arrayBuffer()) })));
    return { created, appVersion, conferences, talks, versions, settings: settings.filter((s) => isBackedUpSetting(s.key)), photos };
  });
}

export interface RestoreSummary {
  /** 'replace' into an empty database, 'merge' into one with notes. */
  mode: 'replace' | 'merge';
  added: number;
  /** Records where the backup's edit was newer and replaced the one here. */
  replaced: number;
  /** Texts kept in history because the other side won. */
  keptInHistory: number;
  photos: number;
}

/** Compares records whatever the order of their keys (JSON and IndexedDB may order them differently). */
function same(a: unknown, b: unknown): boolean {
  const norm = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(norm) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : 1)).map(([k, x]) => [k, norm(x)])) : v;
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}

/** Within a transaction over versions: keeps a record's text as a version, so the side that lost a merge is not lost. */
export async function keepInHistory(table: Version['table'], record: Conference | Talk, reason: Version['reason'] = 'restore'): Promise<void> {
  await db.versions.add({ id: newId(), recordId: record.id, table, created: nowIso(), reason, record });
}

/**
 * Restores a backup. Into an empty database (no conferences or talks) everything goes back exactly as it was.
 * Into one with notes, records merge by id: the newer edit wins and the other is kept in history; photos,
 * versions and settings not here are added. All or nothing: one transaction.
 */
export function restoreBackup(data: BackupData): Promise<RestoreSummary> {
  return trackWrite(async () => {
    const summary = await db.transaction('rw', db.tables, async (): Promise<RestoreSummary> => {
      const empty = (await db.conferences.count()) === 0 && (await db.talks.count()) === 0;
      const photoRows = data.photos.map((p) => ({ sha256: p.sha256, type: p.type, size: p.bytes.length, blob: new Blob([p.bytes as Uint8Array<ArrayBuffer>], { type: p.type }) }));
      if (empty) {
        await db.versions.clear();
        await db.conferences.bulkAdd(data.conferences);
        await db.talks.bulkAdd(data.talks);
        await db.versions.bulkAdd(data.versions);
        await db.blobs.bulkPut(photoRows);
        await db.settings.bulkPut(data.settings);
        return { mode: 'replace', added: data.conferences.length + data.talks.length, replaced: 0, keptInHistory: 0, photos: photoRows.length };
      }
      const s: RestoreSummary = { mode: 'merge', added: 0, replaced: 0, keptInHistory: 0, photos: 0 };
      const merge = async <T extends Conference | Talk>(table: 'conferences' | 'talks', rows: T[]): Promise<void> => {
        const store = db.table<T, string>(table);
        const current = await store.bulkGet(rows.map((r) => r.id));
        for (const [i, incoming] of rows.entries()) {
          const here = current[i];
          if (!here) {
            await store.add(incoming);
            s.added++;
          } else if (!same(here, incoming)) {
            // Newer edit wins; an equal time keeps what is here. Either way the other text stays in history.
            const backupWins = incoming.updated > here.updated;
            await keepInHistory(table, backupWins ? here : incoming);
            if (backupWins) {
              await store.put(incoming);
              s.replaced++;
            }
            s.keptInHistory++;
          }
        }
      };
      await merge('conferences', data.conferences);
      await merge('talks', data.talks);
      const haveVersions = new Set(await db.versions.toCollection().primaryKeys());
      await db.versions.bulkAdd(data.versions.filter((v) => !haveVersions.has(v.id)));
      const havePhotos = new Set(await db.blobs.toCollection().primaryKeys());
      const newPhotos = photoRows.filter((p) => !havePhotos.has(p.sha256));
      await db.blobs.bulkAdd(newPhotos);
      s.photos = newPhotos.length;
      // A setting chosen on this device stays; one only the backup has is taken.
      const haveSettings = new Set(await db.settings.toCollection().primaryKeys());
      await db.settings.bulkAdd(data.settings.filter((x: Setting) => !haveSettings.has(x.key)));
      return s;
    });
    // Snapshot times cached for the editor described the records before the restore.
    forgetSnapshotTimes();
    return summary;
  });
}
