/** Note history: earlier texts of a talk, kept while editing and before anything replaces the text. */
import type { Talk, Version } from '../model/types';
import { newId } from '../model/ids';
import { db } from './database';
import { trackWrite } from './pending';

/** While someone types, the text as it was is kept at most this often. */
export const SNAPSHOT_EVERY_MS = 5 * 60_000;
/** Older snapshots of one note beyond this many are dropped. */
export const KEEP_VERSIONS = 50;

// When each note was last snapshotted, so a keystroke usually costs no extra read.
const lastSnapshot = new Map<string, number>();

async function latestSnapshotTime(recordId: string): Promise<number> {
  const cached = lastSnapshot.get(recordId);
  if (cached !== undefined) return cached;
  const versions = await db.versions.where('recordId').equals(recordId).toArray();
  const latest = versions.reduce((max, v) => Math.max(max, Date.parse(v.created)), 0);
  lastSnapshot.set(recordId, latest);
  return latest;
}

async function keepVersion(before: Talk, reason: Version['reason'], now: number): Promise<void> {
  await db.versions.add({ id: newId(), recordId: before.id, table: 'talks', created: new Date(now).toISOString(), reason, record: before });
  lastSnapshot.set(before.id, now);
  const all = await db.versions.where('recordId').equals(before.id).toArray();
  if (all.length > KEEP_VERSIONS) {
    const oldest = all.sort((a, b) => a.created.localeCompare(b.created)).slice(0, all.length - KEEP_VERSIONS);
    await db.versions.bulkDelete(oldest.map((v) => v.id));
  }
}

/**
 * Within a transaction over talks and versions: keeps the talk as it was before an edit when the last
 * snapshot is older than SNAPSHOT_EVERY_MS. An empty note has nothing worth keeping.
 */
export async function snapshotIfDue(before: Talk, now = Date.now()): Promise<void> {
  if (!before.body.trim()) return;
  if (now - (await latestSnapshotTime(before.id)) < SNAPSHOT_EVERY_MS) return;
  await keepVersion(before, 'edit', now);
}

/**
 * Whether snapshotIfDue(before) might keep a version, known without reading: false only when this page knows the
 * last snapshot is recent (or the note is empty), so a save can skip the versions store.
 */
export function snapshotMayBeDue(before: Talk, now = Date.now()): boolean {
  if (!before.body.trim()) return false;
  const last = lastSnapshot.get(before.id);
  return last === undefined || now - last >= SNAPSHOT_EVERY_MS;
}

/** Within a transaction over talks and versions: keeps the talk as it is now, before a change that removes text. */
export async function snapshotBeforeRemoval(before: Talk): Promise<void> {
  if (before.body.trim()) await keepVersion(before, 'edit', Date.now());
}

/** Within a transaction over talks and versions: keeps a text changed elsewhere that a save is about to replace. */
export async function keepReplacedText(before: Talk): Promise<void> {
  if (before.body.trim()) await keepVersion(before, 'conflict', Date.now());
}

/** Whether this text of a note went to its history because a save made elsewhere replaced it. */
export async function keptAsReplaced(recordId: string, body: string): Promise<boolean> {
  const versions = await db.versions.where('recordId').equals(recordId).toArray();
  return versions.some((v) => v.reason === 'conflict' && (v.record as Talk).body === body);
}

/** A note's earlier versions, newest first. */
export async function listVersions(recordId: string): Promise<Version[]> {
  const versions = await db.versions.where('recordId').equals(recordId).toArray();
  return versions.sort((a, b) => b.created.localeCompare(a.created));
}

/** Puts an earlier text back as the note; the text it replaces is kept as a version first, so nothing is lost. */
export function restoreVersion(versionId: string): Promise<void> {
  return trackWrite(() =>
    db.transaction('rw', db.talks, db.versions, async () => {
      const version = await db.versions.get(versionId);
      if (!version) throw new Error('That version no longer exists.');
      const current = await db.talks.get(version.recordId);
      if (!current) throw new Error('This note no longer exists.');
      const now = Date.now();
      await keepVersion(current, 'restore', now);
      await db.talks.put({ ...current, body: (version.record as Talk).body, updated: new Date(now).toISOString(), localRev: current.localRev + 1 });
    }),
  );
}

/** Forgets cached snapshot times (the database was replaced or reset). */
export function forgetSnapshotTimes(): void {
  lastSnapshot.clear();
}

