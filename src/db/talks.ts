/** Talks and free notes: create, edit, save the note, list, and move to and from the Trash. */
import type { Talk, TalkKind } from '../model/types';
import type { TalkFields } from '../model/talk-draft';
import { nowIso } from '../model/ids';
import { newTalk } from '../model/records';
import { compareTalks } from '../model/order';
import { db } from './database';
import { trackWrite } from './pending';
import { keepReplacedText, snapshotIfDue, snapshotMayBeDue } from './versions';

/** Stores a new talk in a conference and returns its id. */
export function createTalk(conferenceId: string, fields: TalkFields, kind: TalkKind = 'talk'): Promise<string> {
  const talk = newTalk(conferenceId, kind, fields);
  return trackWrite(async () => {
    await db.talks.add(talk);
    return talk.id;
  });
}

/** Where a talk belongs and what it is: moving a free note out of the Inbox, or turning it into a talk. */
export type TalkPlacement = Pick<Talk, 'conferenceId' | 'kind'>;

/** Replaces a talk's schedule fields (title, speakers, times, room, …); the note is left alone. */
export function updateTalk(id: string, fields: TalkFields & Partial<TalkPlacement>): Promise<void> {
  return trackWrite(async () => {
    const n = await db.talks.where('id').equals(id).modify((t) => {
      Object.assign(t, fields);
      t.updated = nowIso();
      t.localRev++;
    });
    if (n === 0) throw new Error('This talk no longer exists.');
  });
}

/** What storing the note's text did. */
export interface BodySaved {
  /** The talk's new localRev. */
  rev: number;
  /** The text stored: this call's, or a later call's that was stored in the same save (see saveTalkBody). */
  body: string;
  /**
   * The stored text was neither the one the editor started from nor one this page stored: another tab (or a
   * photo, an import) changed it meanwhile. That text was kept in the note's history before being replaced.
   */
  keptOther: boolean;
}

/**
 * Stores the note's whole text. Called on every input. One save of a note is under way at a time: text typed
 * meanwhile waits, and only the newest of it is stored, as soon as that save is done (the calls that waited all
 * settle with that save's result). On a slow phone, a transaction per keystroke would queue behind the next
 * keystrokes' own work and fall further behind with each key; this way a keystroke is stored after at most the
 * save before it. Every call counts as a pending write until its text, or a newer one, is stored.
 * With `base` (the text the editor last knew to be stored), a text changed elsewhere meanwhile is never
 * overwritten silently: it goes to the note's history first and the result says so.
 */
export function saveTalkBody(id: string, body: string, base?: string): Promise<BodySaved> {
  return trackWrite(() => {
    if (!saving.has(id)) return startSave(id, body, base);
    return new Promise<BodySaved>((resolve, reject) => {
      const next = waiting.get(id);
      if (next) Object.assign(next, { body, base }).settle.push({ resolve, reject });
      else waiting.set(id, { body, base, settle: [{ resolve, reject }] });
    });
  });
}

interface Waiting {
  body: string;
  base: string | undefined;
  settle: Array<{ resolve: (saved: BodySaved) => void; reject: (err: unknown) => void }>;
}

/** Notes with a save under way, and for each, the newest text typed since (stored when that save is done). */
const saving = new Set<string>();
const waiting = new Map<string, Waiting>();

function startSave(id: string, body: string, base: string | undefined): Promise<BodySaved> {
  saving.add(id);
  const save = storeBody(id, body, base);
  const done = (): void => {
    saving.delete(id);
    const next = waiting.get(id);
    if (!next) return;
    waiting.delete(id);
    startSave(id, next.body, next.base).then(
      (saved) => next.settle.forEach((s) => s.resolve(saved)),
      (err: unknown) => next.settle.forEach((s) => s.reject(err)),
    );
  };
  save.then(done, done);
  return save;
}

function storeBody(id: string, body: string, base: string | undefined): Promise<BodySaved> {
  const known = lastSaved.get(id);
  const quick = known && !snapshotMayBeDue(known) ? known : undefined;
  const next: Talk | undefined = quick && { ...quick, body, updated: nowIso(), localRev: quick.localRev + 1 };
  // Taken as stored at once: a save made before this commits builds on it.
  if (next) {
    lastSaved.set(id, next);
    rememberPut(id, body);
  }
  // The put goes out at once, on top of the record this page stored last, beside a read of what is stored; only if
  // that differs (another tab, a photo, an import, sync wrote since) is the record written again from what is
  // stored, in the same transaction, so the order of saves never changes.
  return db.transaction('rw', db.talks, db.versions, async () => {
    const stored = db.talks.get(id);
    const written = next ? db.talks.put(next) : null;
    const current = await stored;
    if (next && written && quick && sameRecord(current, quick)) {
      await written;
      return { rev: next.localRev, body, keptOther: false };
    }
    return storeOver(current, id, body, base);
  });
}

/** Each talk's record as this page last stored it (or is storing), so a keystroke need not wait for a read before its put. */
const lastSaved = new Map<string, Talk>();

// The texts this page put for each talk lately, newest last: saves in flight and the last one stored. A stored text
// among them is this page's own, whatever order the saves took; any other was written elsewhere.
const putHere = new Map<string, string[]>();
const PUTS_REMEMBERED = 32;

function rememberPut(id: string, body: string): void {
  const texts = putHere.get(id) ?? [];
  texts.push(body);
  if (texts.length > PUTS_REMEMBERED) texts.shift();
  putHere.set(id, texts);
}

/** Within a transaction over talks and versions: stores the text over the talk as read, keeping a text changed elsewhere. */
async function storeOver(talk: Talk | undefined, id: string, body: string, base: string | undefined): Promise<BodySaved> {
  if (!talk) {
    lastSaved.delete(id);
    throw new Error('This talk no longer exists, so the note cannot be saved.');
  }
  // A stored text that is neither the editor's base nor one this page put was written elsewhere.
  const keptOther = base !== undefined && talk.body !== base && talk.body !== body && !putHere.get(id)?.includes(talk.body);
  if (keptOther) await keepReplacedText(talk);
  else await snapshotIfDue(talk);
  const next: Talk = { ...talk, body, updated: nowIso(), localRev: talk.localRev + 1 };
  rememberPut(id, body);
  await db.talks.put(next);
  lastSaved.set(id, next);
  return { rev: next.localRev, body, keptOther };
}

/** Whether a stored record is exactly the one this page stored (records are small; the note is compared as one string). */
function sameRecord(stored: Talk | undefined, known: Talk): boolean {
  return stored !== undefined && stored.body === known.body && JSON.stringify({ ...stored, body: '' }) === JSON.stringify({ ...known, body: '' });
}

/** Stars or unstars a talk, to find it again among the many. */
export function setStarred(id: string, starred: boolean): Promise<void> {
  return trackWrite(async () => {
    await db.talks.where('id').equals(id).modify((t) => {
      t.starred = starred;
      t.updated = nowIso();
      t.localRev++;
    });
  });
}

/** One talk, or undefined; includes one in the Trash. */
export function getTalk(id: string): Promise<Talk | undefined> {
  return db.talks.get(id);
}

/** A conference's live talks in schedule order. */
export async function listTalks(conferenceId: string): Promise<Talk[]> {
  const talks = await db.talks.where('conferenceId').equals(conferenceId).toArray();
  return talks.filter((t) => t.deletedAt === null).sort(compareTalks);
}

/** Moves one talk to the Trash. */
export function trashTalk(id: string): Promise<void> {
  return trackWrite(async () => {
    const now = nowIso();
    await db.talks.where('id').equals(id).modify((t) => {
      if (t.deletedAt === null) {
        t.deletedAt = now;
        t.updated = now;
        t.localRev++;
      }
    });
  });
}

/** Brings a talk back from the Trash, and its conference too if that is in the Trash. */
export function restoreTalk(id: string): Promise<void> {
  return trackWrite(() =>
    db.transaction('rw', db.conferences, db.talks, async () => {
      const talk = await db.talks.get(id);
      if (!talk) return;
      const now = nowIso();
      if (talk.deletedAt !== null) await db.talks.update(id, { deletedAt: null, updated: now, localRev: talk.localRev + 1 });
      const conf = await db.conferences.get(talk.conferenceId);
      if (conf && conf.deletedAt !== null)
        await db.conferences.update(conf.id, { deletedAt: null, updated: now, localRev: conf.localRev + 1 });
    }),
  );
}

/** The notes written most recently, across conferences and the Inbox. */
export async function listRecentNotes(limit: number): Promise<Talk[]> {
  return db.talks
    .orderBy('updated')
    .reverse()
    .filter((t) => t.deletedAt === null && t.body.trim() !== '')
    .limit(limit)
    .toArray();
}

/** Creates a free note titled by the time it was made, in a conference on a day, or in the Inbox. */
export function createQuickNote(conferenceId: string, day: string, title: string): Promise<string> {
  return createTalk(conferenceId, { title, speakers: [], day, starts: null, ends: null, room: '', track: '', links: [], tags: [] }, 'note');
}

/** How many live talks and free notes there are, and how many of them have a note written. */
export async function countTalks(): Promise<{ talks: number; withNotes: number }> {
  let talks = 0;
  let withNotes = 0;
  await db.talks.each((t) => {
    if (t.deletedAt !== null) return;
    talks++;
    if (t.body.trim()) withNotes++;
  });
  return { talks, withNotes };
}
