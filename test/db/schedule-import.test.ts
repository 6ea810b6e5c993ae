// Importing and re-importing a schedule: talks follow their schedule ref; the user's notes, photos, tags and stars never change.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../src/db/database';
import { importSchedule, type ScheduleImport } from '../../src/db/schedule-import';
import { saveTalkBody, setStarred } from '../../src/db/talks';
import { onPendingWrites } from '../../src/db/pending';
import { parseSchedule } from '../../src/schedule/parse';
import { placeSchedule, type PlacedTalk } from '../../src/schedule/place';
import type { Talk } from '../../src/model/types';
import { resetDb } from '../helpers/db';
import { conferenceDraft } from '../helpers/factories';

const ZONE = 'Europe/Brussels';

function talk(guid: string, over: Partial<PlacedTalk> = {}): PlacedTalk {
  return {
    guid,
    title: `Talk ${guid}`,
    speakers: [{ name: 'Ada', affiliation: '' }],
    starts: '2026-01-31T10:00:00+01:00',
    ends: '2026-01-31T10:30:00+01:00',
    day: '2026-01-31',
    room: 'K.1.105',
    track: 'Databases',
    links: [],
    abstract: 'About it.',
    ...over,
  };
}

function plan(talks: PlacedTalk[], conferenceId?: string): ScheduleImport {
  return {
    ...(conferenceId ? { conferenceId } : { newConference: conferenceDraft({ timeZone: ZONE }) }),
    sourceKey: 'frab-xml:fosdem26',
    source: { format: 'frab-xml', fileName: 'schedule.xml', fetched: '2026-01-20T10:00:00Z' },
    talks,
  };
}

const byGuid = async (conferenceId: string): Promise<Map<string, Talk>> =>
  new Map((await db.talks.where('conferenceId').equals(conferenceId).toArray()).map((t) => [t.scheduleRef!.guid, t]));

beforeEach(resetDb);

describe('first import', () => {
  it('creates the conference with its source and every talk with its schedule ref', async () => {
    const s = await importSchedule(plan([talk('a'), talk('b')]));
    expect(s).toMatchObject({ added: 2, updated: 0, moved: 0, cancelled: 0 });
    const conf = await db.conferences.get(s.conferenceId);
    expect(conf).toMatchObject({ name: 'FOSDEM 2026', timeZone: ZONE, schedule: { format: 'frab-xml', fileName: 'schedule.xml' } });
    const talks = await byGuid(s.conferenceId);
    expect(talks.get('a')).toMatchObject({ title: 'Talk a', kind: 'talk', body: '', starred: false, tags: [], abstract: 'About it.', scheduleRef: { source: 'frab-xml:fosdem26', guid: 'a' } });
    expect(talks.get('a')!.scheduleStatus).toBeUndefined();
  });

  it('counts as a pending write while it runs', async () => {
    const seen: number[] = [];
    const off = onPendingWrites((n) => seen.push(n));
    await importSchedule(plan([talk('a')]));
    off();
    expect(seen).toContain(1);
    expect(seen[seen.length - 1]).toBe(0);
  });

  it('imports the whole FOSDEM file in one go', async () => {
    const bytes = new Uint8Array(readFileSync(new URL('../../../shared/fixtures/schedules/fosdem-2021_pentabarf.xml', import.meta.url)));
    const placed = placeSchedule(parseSchedule(bytes), ZONE);
    const s = await importSchedule({ ...plan(placed.talks), sourceKey: 'frab-xml:FOSDEM 2021' });
    expect(s.added).toBe(773);
    expect(await db.talks.where('conferenceId').equals(s.conferenceId).count()).toBe(773);
  });

  it('stores nothing when the chosen conference is gone', async () => {
    await expect(importSchedule(plan([talk('a')], 'no-such-conference'))).rejects.toThrow(/no longer exists/);
    expect(await db.talks.count()).toBe(0);
  });
});

describe('re-import', () => {
  let confId: string;
  let noted: Talk;

  beforeEach(async () => {
    confId = (await importSchedule(plan([talk('a'), talk('b'), talk('c')]))).conferenceId;
    noted = (await byGuid(confId)).get('a')!;
    await saveTalkBody(noted.id, 'my notes on a\n');
    await setStarred(noted.id, true);
    await db.talks.update(noted.id, {
      tags: ['crdt'],
      attachments: [{ sha256: 'f'.repeat(64), name: 'slide.jpg', type: 'image/jpeg', size: 10, caption: 'the slide' }],
    });
  });

  it('changes nothing when the same schedule comes again', async () => {
    const before = await db.talks.toArray();
    const s = await importSchedule(plan([talk('a'), talk('b'), talk('c')], confId));
    expect(s).toMatchObject({ added: 0, updated: 0, moved: 0, cancelled: 0, unchanged: 3 });
    expect(await db.talks.toArray()).toEqual(before);
  });

  it('marks a talk moved to another time and room, remembers the old slot, and keeps the note bound to it', async () => {
    const s = await importSchedule(plan([talk('a', { starts: '2026-02-01T14:00:00+01:00', ends: '2026-02-01T14:30:00+01:00', day: '2026-02-01', room: 'H.2215' }), talk('b'), talk('c')], confId));
    expect(s).toMatchObject({ moved: 1, unchanged: 2 });
    const a = (await byGuid(confId)).get('a')!;
    expect(a).toMatchObject({
      id: noted.id,
      body: 'my notes on a\n',
      starred: true,
      tags: ['crdt'],
      day: '2026-02-01',
      room: 'H.2215',
      scheduleStatus: 'moved',
      previousSlot: { starts: '2026-01-31T10:00:00+01:00', ends: '2026-01-31T10:30:00+01:00', room: 'K.1.105' },
    });
    expect(a.attachments).toHaveLength(1);
    expect(a.localRev).toBeGreaterThan(noted.localRev);
  });

  it('marks a talk gone from the schedule cancelled and keeps its note', async () => {
    const s = await importSchedule(plan([talk('b'), talk('c')], confId));
    expect(s).toMatchObject({ cancelled: 1, unchanged: 2 });
    const a = (await byGuid(confId)).get('a')!;
    expect(a).toMatchObject({ scheduleStatus: 'cancelled', body: 'my notes on a\n', starred: true, deletedAt: null });
    // Cancelled once is enough: the next import of the same schedule changes nothing.
    expect(await importSchedule(plan([talk('b'), talk('c')], confId))).toMatchObject({ cancelled: 0, unchanged: 2 });
  });

  it('adds a new talk and updates a renamed one in place', async () => {
    const s = await importSchedule(plan([talk('a', { title: 'CRDTs, revisited' }), talk('b'), talk('c'), talk('d')], confId));
    expect(s).toMatchObject({ added: 1, updated: 1, unchanged: 2 });
    const talks = await byGuid(confId);
    expect(talks.size).toBe(4);
    expect(talks.get('a')).toMatchObject({ id: noted.id, title: 'CRDTs, revisited', body: 'my notes on a\n' });
    expect(talks.get('a')!.scheduleStatus).toBeUndefined();
  });

  it('brings a cancelled talk back when it returns to the schedule', async () => {
    await importSchedule(plan([talk('b'), talk('c')], confId));
    await importSchedule(plan([talk('a'), talk('b'), talk('c')], confId));
    expect((await byGuid(confId)).get('a')!.scheduleStatus).toBeUndefined();
  });

  it('does not take talks of another schedule in the same conference for cancelled', async () => {
    await importSchedule({ ...plan([talk('x')], confId), sourceKey: 'ical:fringe' });
    const talks = await byGuid(confId);
    expect(talks.get('a')!.scheduleStatus).toBeUndefined();
    expect(talks.get('x')).toBeDefined();
  });

  it('treats the same instant written with another offset as unchanged', async () => {
    const s = await importSchedule(plan([talk('a', { starts: '2026-01-31T09:00:00Z', ends: '2026-01-31T09:30:00Z' }), talk('b'), talk('c')], confId));
    expect(s.moved).toBe(0);
  });
});
