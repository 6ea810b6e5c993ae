/**
 * Photos on a talk: add, caption, remove, and read them back. Each change to a talk's attachments also changes
 * the note's `![…](attachment:<sha256>)` references, in the same transaction, so the note and its photos agree.
 */
import type { Attachment } from '../model/types';
import { nowIso } from '../model/ids';
import { appendReference, photoAlt, referenceMarkdown, removeReferences, renameReferences } from '../photos/references';
import { db } from './database';
import { snapshotBeforeRemoval } from './versions';
import { trackWrite } from './pending';

/** A photo ready to store, as preparePhoto makes it. */
export interface NewPhoto {
  sha256: string;
  blob: Blob;
  type: string;
  size: number;
  name: string;
}

export type AddPhotoResult = 'added' | 'already-attached';

/**
 * Stores a photo (once per content, however many talks show it), lists it on the talk and adds its reference
 * at the end of the note. A photo the talk already has changes nothing.
 */
export function addPhoto(talkId: string, photo: NewPhoto, caption = ''): Promise<AddPhotoResult> {
  return trackWrite(() =>
    db.transaction('rw', db.talks, db.blobs, async (): Promise<AddPhotoResult> => {
      const talk = await db.talks.get(talkId);
      if (!talk || talk.deletedAt !== null) throw new Error('This talk no longer exists, so the photo was not added.');
      if (talk.attachments.some((a) => a.sha256 === photo.sha256)) return 'already-attached';
      const attachment: Attachment = { sha256: photo.sha256, name: photo.name, type: photo.type, size: photo.size, caption };
      await db.talks.update(talkId, {
        attachments: [...talk.attachments, attachment],
        body: appendReference(talk.body, referenceMarkdown(photoAlt(attachment), photo.sha256)),
        updated: nowIso(),
        localRev: talk.localRev + 1,
      });
      // Same bytes, same key: a photo already stored for another talk is not stored twice.
      if ((await db.blobs.where('sha256').equals(photo.sha256).count()) === 0)
        await db.blobs.put({ sha256: photo.sha256, blob: photo.blob, type: photo.type, size: photo.size });
      return 'added';
    }),
  );
}

/** Sets a photo's caption; references in the note that still show the old caption (or file name) follow it. */
export function setPhotoCaption(talkId: string, sha256: string, caption: string): Promise<void> {
  return trackWrite(() =>
    db.transaction('rw', db.talks, async () => {
      const talk = await db.talks.get(talkId);
      const attachment = talk?.attachments.find((a) => a.sha256 === sha256);
      if (!talk || !attachment) throw new Error('This photo is no longer on this talk, so the caption was not saved.');
      if (attachment.caption === caption) return;
      const next = { ...attachment, caption };
      await db.talks.update(talkId, {
        attachments: talk.attachments.map((a) => (a.sha256 === sha256 ? next : a)),
        body: renameReferences(talk.body, sha256, photoAlt(attachment), photoAlt(next)),
        updated: nowIso(),
        localRev: talk.localRev + 1,
      });
    }),
  );
}

/**
 * Takes a photo off a talk and its references out of the note. The stored image is deleted too unless another
 * talk (in the Trash or not) still shows it.
 */
export function removePhoto(talkId: string, sha256: string): Promise<void> {
  return trackWrite(() =>
    db.transaction('rw', db.talks, db.blobs, db.versions, async () => {
      const talk = await db.talks.get(talkId);
      if (!talk) throw new Error('This talk no longer exists.');
      // Taking the photo's lines out of the note edits the text: the note as it was stays in its history.
      await snapshotBeforeRemoval(talk);
      await db.talks.update(talkId, {
        attachments: talk.attachments.filter((a) => a.sha256 !== sha256),
        body: removeReferences(talk.body, sha256),
        updated: nowIso(),
        localRev: talk.localRev + 1,
      });
      // No index on attachment hashes yet (schema version 1), so this reads every talk; deleting is rare.
      const elsewhere = await db.talks.filter((t) => t.id !== talkId && t.attachments.some((a) => a.sha256 === sha256)).first();
      if (!elsewhere) await db.blobs.delete(sha256);
    }),
  );
}

/** One stored photo's image, or undefined when it is not stored. */
export async function getPhotoBlob(sha256: string): Promise<Blob | undefined> {
  return (await db.blobs.get(sha256))?.blob;
}

/** The stored images of these photos, by sha256; photos not stored are left out. */
export async function getPhotoBlobs(sha256s: readonly string[]): Promise<Map<string, Blob>> {
  const rows = await db.blobs.bulkGet([...sha256s]);
  const found = new Map<string, Blob>();
  for (const row of rows) if (row) found.set(row.sha256, row.blob);
  return found;
}
