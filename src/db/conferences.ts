/** Conferences: create, edit, list, and move to and from the Trash. */
import type { Conference, ConferenceDraft } from '../model/types';
import { nowIso } from '../model/ids';
import { compareConferences } from '../model/order';
import { INBOX_ID, inboxConference } from '../model/inbox';
import { cleanConferenceDraft, newConference } from '../model/records';
import { deviceTimeZone, moveToZone } from '../model/time';
import { db } from './database';
import { trackWrite } from './pending';

/** Stores a new conference from a validated draft and returns its id. */
export function createConference(draft: ConferenceDraft): Promise<string> {
  const conf = newConference(draft);
  return trackWrite(async () => {
    await db.conferences.add(conf);
    return conf.id;
  });
}

/**
 * Replaces a conference's form fields from a validated draft. A changed time zone is taken as a correction:
 * its talks keep the times shown on the schedule (09:30 stays 09:30), now read in the new zone.
 */
export function updateConference(id: string, draft: ConferenceDraft): Promise<void> {
  return trackWrite(() =>
    db.transaction('rw', db.conferences, db.talks, async () => {
      const before = await db.conferences.get(id);
      if (!before) throw new Error('This conference no longer exists.');
      const fields = cleanConferenceDraft(draft);
      const now = nowIso();
      await db.conferences.update(id, { ...fields, updated: now, localRev: before.localRev + 1 });
      if (fields.timeZone === before.timeZone) return;
      await db.talks.where('conferenceId').equals(id).modify((t) => {
        if (!t.starts) return;
        t.starts = moveToZone(t.starts, before.timeZone, fields.timeZone);
        if (t.ends) t.ends = moveToZone(t.ends, before.timeZone, fields.timeZone);
        t.updated = now;
        t.localRev++;
      });
    }),
  );
}

/** One conference, or undefined; includes one in the Trash. */
export function getConference(id: string): Promise<Conference | undefined> {
  return db.conferences.get(id);
}

/** A conference, or the Inbox for INBOX_ID; undefined when neither. */
export async function getConferenceOrInbox(id: string): Promise<Conference | undefined> {
  return id === INBOX_ID ? inboxConference(deviceTimeZone()) : db.conferences.get(id);
}

/** Conferences not in the Trash, newest first. */
export async function listConferences(): Promise<Conference[]> {
  const all = await db.conferences.toArray();
  return all.filter((c) => c.deletedAt === null).sort(compareConferences);
}

/**
 * Number of live talks in each of the given conferences (the Inbox's id included), for the conference list;
 * conferences with none are left out. Counted from the indexes alone: reading the talks themselves would load
 * every abstract and note just to count them.
 */
export function countTalksByConference(conferenceIds: readonly string[]): Promise<Map<string, number>> {
  return db.transaction('r', db.talks, async () => {
    // Only trashed talks have a deletedAt key (null is not indexed), so this is the Trash, usually short.
    const trashed = await db.talks.where('deletedAt').above('').primaryKeys();
    const counts = new Map<string, number>();
    if (trashed.length === 0) {
      const totals = await Promise.all(conferenceIds.map((id) => db.talks.where('conferenceId').equals(id).count()));
      conferenceIds.forEach((id, i) => totals[i] && counts.set(id, totals[i]));
      return counts;
    }
    const gone = new Set(trashed);
    const keys = await Promise.all(conferenceIds.map((id) => db.talks.where('conferenceId').equals(id).primaryKeys()));
    conferenceIds.forEach((id, i) => {
      const n = keys[i]!.filter((k) => !gone.has(k)).length;
      if (n) counts.set(id, n);
    });
    return counts;
  });
}

/**
 * Moves a conference and its live talks to the Trash with one timestamp,
 * so restoring the conference brings back exactly the talks that went with it.
 */
export function trashConference(id: string): Promise<void> {
  return trackWrite(() =>
    db.transaction('rw', db.conferences, db.talks, async () => {
      const now = nowIso();
      await db.conferences.where('id').equals(id).modify((c) => {
        if (c.deletedAt === null) {
          c.deletedAt = now;
          c.updated = now;
          c.localRev++;
        }
      });
      await db.talks.where('conferenceId').equals(id).modify((t) => {
        if (t.deletedAt === null) {
          t.deletedAt = now;
          t.updated = now;
          t.localRev++;
        }
      });
    }),
  );
}

/** Brings a conference back from the Trash with the talks that were trashed along with it. */
export function restoreConference(id: string): Promise<void> {
  return trackWrite(() =>
    db.transaction('rw', db.conferences, db.talks, async () => {
      const conf = await db.conferences.get(id);
      if (!conf || conf.deletedAt === null) return;
      const when = conf.deletedAt;
      const now = nowIso();
      await db.conferences.update(id, { deletedAt: null, updated: now, localRev: conf.localRev + 1 });
      await db.talks.where('conferenceId').equals(id).modify((t) => {
        if (t.deletedAt === when) {
          t.deletedAt = null;
          t.updated = now;
          t.localRev++;
        }
      });
    }),
  );
}
