/** The Trash: what was deleted, restorable for 30 days, then purged. */
import type { Conference, Talk } from '../model/types';
import { db } from './database';
import { trackWrite } from './pending';

export const TRASH_DAYS = 30;

export interface TrashContents {
  conferences: Conference[];
  /** Talks deleted on their own (not those that went with a trashed conference). */
  talks: Array<Talk & { conferenceName: string }>;
}

/** Everything in the Trash, most recently deleted first. */
export async function listTrash(): Promise<TrashContents> {
  const [confs, talks] = await Promise.all([
    db.conferences.where('deletedAt').above('').toArray(),
    db.talks.where('deletedAt').above('').toArray(),
  ]);
  const allConfs = new Map((await db.conferences.toArray()).map((c) => [c.id, c]));
  const byTime = <T extends { deletedAt: string | null }>(a: T, b: T): number => (b.deletedAt ?? '').localeCompare(a.deletedAt ?? '');
  return {
    conferences: confs.sort(byTime),
    talks: talks
      .filter((t) => allConfs.get(t.conferenceId)?.deletedAt !== t.deletedAt)
      .map((t) => ({ ...t, conferenceName: allConfs.get(t.conferenceId)?.name ?? '' }))
      .sort(byTime),
  };
}

/** Deletes for good everything trashed before the cutoff (default: 30 days ago). */
export function purgeTrash(before: Date = new Date(Date.now() - TRASH_DAYS * 86_400_000)): Promise<number> {
  const cutoff = before.toISOString();
  return trackWrite(() =>
    db.transaction('rw', [db.conferences, db.talks, db.versions, db.blobs], async () => {
      const talks = await db.talks.where('deletedAt').below(cutoff).primaryKeys();
      const confs = await db.conferences.where('deletedAt').below(cutoff).primaryKeys();
      // A purged conference takes all its talks with it, even ones trashed later, so none is left orphaned.
      const orphanTalks = confs.length ? await db.talks.where('conferenceId').anyOf(confs).primaryKeys() : [];
      const ids = [...new Set([...talks, ...orphanTalks])];
      const photos = new Set((await db.talks.bulkGet(ids)).flatMap((t) => t?.attachments.map((a) => a.sha256) ?? []));
      await db.talks.bulkDelete(ids);
      // A photo goes with the last talk that shows it.
      if (photos.size) {
        await db.talks.each((t) => t.attachments.forEach((a) => photos.delete(a.sha256)));
        await db.blobs.bulkDelete([...photos]);
      }
      await db.versions.where('recordId').anyOf(ids).delete();
      await db.conferences.bulkDelete(confs);
      return ids.length + confs.length;
    }),
  );
}

/** Deletes everything in the Trash now. */
export function emptyTrash(): Promise<number> {
  // The cutoff is compared as text: it must be a four-digit year, as the largest Date's "+275760-…" sorts before every "2…".
  return purgeTrash(new Date('9999-12-31T23:59:59.999Z'));
}
