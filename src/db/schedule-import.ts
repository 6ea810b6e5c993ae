/**
 * Stores an imported schedule: creates or updates a conference's talks by their schedule ref, in one transaction.
 * Only schedule fields are written; the user's note, photos, tags and star are never touched.
 */
import type { Conference, ConferenceDraft, ScheduleSource, Talk } from '../model/types';
import { nowIso } from '../model/ids';
import { newConference, newTalk } from '../model/records';
import type { PlacedTalk } from '../schedule/place';
import { db } from './database';
import { trackWrite } from './pending';

export interface ScheduleImport {
  /** Add to this conference; or, when absent, create `newConference`. */
  conferenceId?: string;
  newConference?: ConferenceDraft;
  /** Tells this schedule's talks from others in the same conference, across re-imports. */
  sourceKey: string;
  source: ScheduleSource;
  talks: PlacedTalk[];
}

export interface ImportSummary {
  conferenceId: string;
  added: number;
  updated: number;
  moved: number;
  cancelled: number;
  unchanged: number;
}

type ScheduleFields = Pick<Talk, 'title' | 'speakers' | 'starts' | 'ends' | 'day' | 'room' | 'track' | 'links' | 'abstract'>;

function fieldsOf(p: PlacedTalk): ScheduleFields {
  return { title: p.title, speakers: p.speakers, starts: p.starts, ends: p.ends, day: p.day, room: p.room, track: p.track, links: p.links, abstract: p.abstract };
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
const sameInstant = (a: string | null, b: string | null): boolean => (a === null || b === null ? a === b : Date.parse(a) === Date.parse(b));

/** Whether the slot (time or room) changed: what makes a talk "moved". */
function slotChanged(t: Talk, f: ScheduleFields): boolean {
  return !sameInstant(t.starts, f.starts) || !sameInstant(t.ends, f.ends) || t.room !== f.room;
}

function fieldsChanged(t: Talk, f: ScheduleFields): boolean {
  return (Object.keys(f) as Array<keyof ScheduleFields>).some((k) => (k === 'starts' || k === 'ends' ? !sameInstant(t[k], f[k]) : !same(t[k], f[k])));
}

/**
 * Talks written per request batch. Copying a record into IndexedDB happens on the page's thread: 773 talks with
 * their abstracts in one batch held it for 90–120 ms. Each piece waits for the one before, so the copying is spread
 * over several tasks, all in the one transaction (nothing is stored unless everything is).
 */
const WRITE_PIECE = 100;

/** Merges a placed schedule into the database and says what changed. Throws (and stores nothing) on failure. */
export function importSchedule(plan: ScheduleImport): Promise<ImportSummary> {
  return trackWrite(() =>
    db.transaction('rw', db.conferences, db.talks, async () => {
      const now = nowIso();
      let conferenceId = plan.conferenceId;
      if (conferenceId) {
        const conf = await db.conferences.get(conferenceId);
        if (!conf || conf.deletedAt !== null) throw new Error('That conference no longer exists; choose another or import as a new one.');
        await db.conferences.update(conferenceId, { schedule: plan.source, updated: now, localRev: conf.localRev + 1 });
      } else {
        if (!plan.newConference) throw new Error('No conference to import into.');
        const conf = newConference(plan.newConference, { schedule: plan.source }, now);
        await db.conferences.add(conf);
        conferenceId = conf.id;
      }
      const summary: ImportSummary = { conferenceId, added: 0, updated: 0, moved: 0, cancelled: 0, unchanged: 0 };
      const existing = new Map<string, Talk>();
      for (const t of await db.talks.where('conferenceId').equals(conferenceId).toArray())
        if (t.scheduleRef?.source === plan.sourceKey) existing.set(t.scheduleRef.guid, t);
      const changed: Talk[] = [];
      const added: Talk[] = [];
      for (const p of plan.talks) {
        const f = fieldsOf(p);
        const t = existing.get(p.guid);
        if (!t) {
          added.push(newTalk(conferenceId, 'talk', { ...f, scheduleRef: { source: plan.sourceKey, guid: p.guid } }, now));
          continue;
        }
        existing.delete(p.guid);
        const wasCancelled = t.scheduleStatus === 'cancelled';
        if (!fieldsChanged(t, f) && !wasCancelled) {
          summary.unchanged++;
          continue;
        }
        const next: Talk = { ...t, ...f, updated: now, localRev: t.localRev + 1 };
        if (slotChanged(t, f)) {
          next.scheduleStatus = 'moved';
          // "Moved from" names the slot the user last knew, not every step in between.
          next.previousSlot = t.previousSlot ?? { starts: t.starts, ends: t.ends, room: t.room };
          summary.moved++;
        } else if (wasCancelled) {
          // Back on the schedule in its old slot: neither cancelled nor moved.
          if (t.previousSlot) next.scheduleStatus = 'moved';
          else delete next.scheduleStatus;
          summary.updated++;
        } else summary.updated++;
        changed.push(next);
      }
      // Talks gone from the schedule stay, with their notes, marked cancelled.
      for (const t of existing.values()) {
        if (t.scheduleStatus === 'cancelled' || t.deletedAt !== null) continue;
        changed.push({ ...t, scheduleStatus: 'cancelled', updated: now, localRev: t.localRev + 1 });
        summary.cancelled++;
      }
      summary.added = added.length;
      for (let i = 0; i < changed.length; i += WRITE_PIECE) await db.talks.bulkPut(changed.slice(i, i + WRITE_PIECE));
      for (let i = 0; i < added.length; i += WRITE_PIECE) await db.talks.bulkAdd(added.slice(i, i + WRITE_PIECE));
      return summary;
    }),
  );
}

/** Conferences a schedule can be imported into, for the preview's choice. */
export async function listImportTargets(): Promise<Array<Pick<Conference, 'id' | 'name' | 'timeZone' | 'schedule'>>> {
  const all = await db.conferences.toArray();
  return all
    .filter((c) => c.deletedAt === null)
    .sort((a, b) => b.startDate.localeCompare(a.startDate))
    .map((c) => ({ id: c.id, name: c.name, timeZone: c.timeZone, ...(c.schedule ? { schedule: c.schedule } : {}) }));
}
