/** What exports read from the database: a talk or a conference with its talks, photo types and photo bytes. */
import type { Conference, Talk } from '../model/types';
import { nowIso } from '../model/ids';
import { getConferenceOrInbox } from './conferences';
import { db } from './database';
import { trackWrite } from './pending';
import { listTalks } from './talks';

export interface ExportSource {
  conference: Conference;
  /** Live talks in schedule order (one for a talk export). */
  talks: Talk[];
  /** Stored photo types by sha256, for file extensions. */
  photoTypes: Map<string, string>;
}

async function photoTypes(talks: readonly Talk[]): Promise<Map<string, string>> {
  const types = new Map<string, string>();
  for (const t of talks) for (const a of t.attachments) types.set(a.sha256, a.type);
  // The stored image's type wins over what the talk says: it is what the exported file holds.
  const rows = await db.blobs.bulkGet([...types.keys()]);
  for (const row of rows) if (row) types.set(row.sha256, row.type);
  return types;
}

/** A live talk and its conference (or the Inbox); null when either is gone. */
export function loadTalkExport(talkId: string): Promise<ExportSource | null> {
  return db.transaction('r', db.talks, db.conferences, db.blobs, async () => {
    const talk = await db.talks.get(talkId);
    const conference = talk && (await getConferenceOrInbox(talk.conferenceId));
    if (!talk || talk.deletedAt !== null || !conference) return null;
    return { conference, talks: [talk], photoTypes: await photoTypes([talk]) };
  });
}

/** A live conference (or the Inbox) with its live talks; null when it is gone. */
export function loadConferenceExport(conferenceId: string): Promise<ExportSource | null> {
  return db.transaction('r', db.talks, db.conferences, db.blobs, async () => {
    const conference = await getConferenceOrInbox(conferenceId);
    if (!conference || conference.deletedAt !== null) return null;
    const talks = await listTalks(conferenceId);
    return { conference, talks, photoTypes: await photoTypes(talks) };
  });
}

/** The bytes of stored photos by sha256; those not stored on this device are left out. */
export async function loadPhotoBytes(sha256s: readonly string[]): Promise<Map<string, Uint8Array>> {
  const rows = await db.blobs.bulkGet([...sha256s]);
  const out = new Map<string, Uint8Array>();
  for (const row of rows) if (row) out.set(row.sha256, new Uint8Array(await row.blob.arrayBuffer()));
  return out;
}

/** Marks a talk "keep private" (left out of day and conference exports), or includes it again. */
export function setTalkPrivate(talkId: string, isPrivate: boolean): Promise<void> {
  return trackWrite(async () => {
    const n = await db.talks.where('id').equals(talkId).modify((t) => {
      if (isPrivate) t.private = true;
      else delete t.private;
      t.updated = nowIso();
      t.localRev++;
    });
    if (n === 0) throw new Error('This talk no longer exists.');
  });
}
