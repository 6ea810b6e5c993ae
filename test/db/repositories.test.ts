import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  countTalksByConference,
  createConference,
  getConference,
  listConferences,
  restoreConference,
  trashConference,
  updateConference,
} from '../../src/db/conferences';
import { db, LecternDb } from '../../src/db/database';
import { createTalk, getTalk, listTalks, restoreTalk, saveTalkBody, trashTalk, updateTalk } from '../../src/db/talks';
import { emptyTrash, listTrash, purgeTrash } from '../../src/db/trash';
import { whenWritesSettled } from '../../src/db/pending';
import { resetDb } from '../helpers/db';
import { conferenceDraft, talkFields } from '../helpers/factories';
import { listVersions } from '../../src/db/versions';
import type { Talk } from '../../src/model/types';

const DAY = 86_400_000;
const T0 = new Date('2026-02-01T10:00:00.000Z');

/** Moves the clock the app stamps records with; timers stay real, which IndexedDB needs. */
function at(time: Date | number): void {
  vi.setSystemTime(time);
}

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  at(T0);
  await resetDb();
});

afterEach(() => {
  vi.useRealTimers();
});

/** A conference with talks, all created at T0. */
async function conferenceWithTalks(titles: string[], over = {}): Promise<{ confId: string; talkIds: string[] }> {
  const confId = await createConference(conferenceDraft(over));
  const talkIds: string[] = [];
  for (const title of titles) talkIds.push(await createTalk(confId, talkFields({ title })));
  return { confId, talkIds };
}

describe('conferences', () => {
  it('stores a new conference with trimmed fields and fresh bookkeeping', async () => {
    const id = await createConference(conferenceDraft({ name: '  FOSDEM 2026 ', place: ' Brussels ', url: ' https://fosdem.org ' }));
    expect(await getConference(id)).toEqual({
      id,
      created: T0.toISOString(),
      updated: T0.toISOString(),
      localRev: 1,
      deletedAt: null,
      body: '',
      name: 'FOSDEM 2026',
      place: 'Brussels',
      timeZone: 'Europe/Brussels',
      startDate: '2026-01-31',
      endDate: '2026-02-01',
      url: 'https://fosdem.org',
    });
  });

  it('updates the form fields, bumping localRev and updated but keeping created and the notes', async () => {
    const id = await createConference(conferenceDraft());
    await db.conferences.update(id, { body: 'my notes' });
    at(T0.getTime() + 60_000);
    await updateConference(id, conferenceDraft({ name: 'FOSDEM 2027', startDate: '2027-02-06', endDate: '2027-02-07' }));
    expect(await getConference(id)).toMatchObject({
      name: 'FOSDEM 2027',
      startDate: '2027-02-06',
      created: T0.toISOString(),
      updated: new Date(T0.getTime() + 60_000).toISOString(),
      localRev: 2,
      body: 'my notes',
    });
  });

  it('keeps talk times as on the schedule when the time zone is corrected, and spells the zone canonically', async () => {
    const id = await createConference(conferenceDraft({ timeZone: 'europe/brussels' }));
    expect((await getConference(id))?.timeZone).toBe('Europe/Brussels');
    const timed = await createTalk(id, talkFields({ day: '2026-01-31', starts: '2026-01-31T09:30:00+01:00', ends: '2026-01-31T10:15:00+01:00' }));
    const untimed = await createTalk(id, talkFields({ title: 'No time' }));
    await updateConference(id, conferenceDraft({ timeZone: 'America/New_York' }));
    expect(await getTalk(timed)).toMatchObject({ starts: '2026-01-31T09:30:00-05:00', ends: '2026-01-31T10:15:00-05:00', localRev: 2 });
    expect(await getTalk(untimed)).toMatchObject({ starts: null, localRev: 1 });
    // Saving with the zone unchanged leaves the talks alone.
    await updateConference(id, conferenceDraft({ timeZone: 'America/New_York', name: 'Renamed' }));
    expect((await getTalk(timed))?.localRev).toBe(2);
  });

  it('refuses to update a conference that does not exist', async () => {
    await expect(updateConference('missing', conferenceDraft())).rejects.toThrow('This conference no longer exists.');
  });

  it('lists live conferences newest first, without those in the Trash', async () => {
    await createConference(conferenceDraft({ name: '2024', startDate: '2024-02-03', endDate: '2024-02-04' }));
    const trashed = await createConference(conferenceDraft({ name: 'Trashed', startDate: '2027-01-01', endDate: '2027-01-02' }));
    await createConference(conferenceDraft({ name: '2026', startDate: '2026-01-31', endDate: '2026-02-01' }));
    await createConference(conferenceDraft({ name: '2025', startDate: '2025-02-01', endDate: '2025-02-02' }));
    await trashConference(trashed);
    expect((await listConferences()).map((c) => c.name)).toEqual(['2026', '2025', '2024']);
  });

  it('counts live talks per conference', async () => {
    const a = await conferenceWithTalks(['a1', 'a2', 'a3']);
    const b = await conferenceWithTalks(['b1']);
    const empty = await conferenceWithTalks([]);
    const ids = [a.confId, b.confId, empty.confId];
    expect(Object.fromEntries(await countTalksByConference(ids))).toEqual({ [a.confId]: 3, [b.confId]: 1 });
    await trashTalk(a.talkIds[0]!);
    expect(Object.fromEntries(await countTalksByConference(ids))).toEqual({ [a.confId]: 2, [b.confId]: 1 });
    expect(Object.fromEntries(await countTalksByConference([b.confId]))).toEqual({ [b.confId]: 1 });
  });
});

describe('talks', () => {
  it('stores a new talk with its fields, an empty note and fresh bookkeeping', async () => {
    const { confId } = await conferenceWithTalks([]);
    const fields = talkFields({ title: 'CRDTs', speakers: [{ name: 'Ada', affiliation: '' }], day: '2026-01-31', starts: '2026-01-31T09:30:00+01:00' });
    const id = await createTalk(confId, fields);
    expect(await getTalk(id)).toEqual({
      id,
      conferenceId: confId,
      kind: 'talk',
      created: T0.toISOString(),
      updated: T0.toISOString(),
      localRev: 1,
      deletedAt: null,
      abstract: '',
      body: '',
      starred: false,
      attachments: [],
      ...fields,
    });
  });

  it('creates a free note when asked', async () => {
    const { confId } = await conferenceWithTalks([]);
    const id = await createTalk(confId, talkFields({ title: 'Hallway' }), 'note');
    expect((await getTalk(id))?.kind).toBe('note');
  });

  it('updates the schedule fields and leaves the note alone', async () => {
    const { talkIds } = await conferenceWithTalks(['Old title']);
    const id = talkIds[0]!;
    await saveTalkBody(id, 'my notes');
    at(T0.getTime() + 5_000);
    await updateTalk(id, talkFields({ title: 'New title', room: 'H.2215' }));
    expect(await getTalk(id)).toMatchObject({ title: 'New title', room: 'H.2215', body: 'my notes', localRev: 3, updated: new Date(T0.getTime() + 5_000).toISOString() });
  });

  it('refuses to update a talk that does not exist', async () => {
    await expect(updateTalk('missing', talkFields())).rejects.toThrow('This talk no longer exists.');
  });

  it("lists a conference's live talks in schedule order", async () => {
    const { confId } = await conferenceWithTalks([]);
    const other = await createConference(conferenceDraft({ name: 'Other' }));
    await createTalk(confId, talkFields({ title: 'No day' }));
    await createTalk(confId, talkFields({ title: 'Day 2', day: '2026-02-01', starts: '2026-02-01T09:00:00+01:00' }));
    await createTalk(confId, talkFields({ title: 'Day 1 untimed', day: '2026-01-31' }));
    await createTalk(confId, talkFields({ title: 'Day 1 late', day: '2026-01-31', starts: '2026-01-31T16:00:00+01:00' }));
    await createTalk(confId, talkFields({ title: 'Day 1 early', day: '2026-01-31', starts: '2026-01-31T09:00:00+01:00' }));
    await trashTalk(await createTalk(confId, talkFields({ title: 'Trashed', day: '2026-01-31' })));
    await createTalk(other, talkFields({ title: 'Elsewhere' }));
    expect((await listTalks(confId)).map((t) => t.title)).toEqual(['Day 1 early', 'Day 1 late', 'Day 1 untimed', 'Day 2', 'No day']);
  });

  it('saves the note, bumping localRev and updated each time', async () => {
    const { talkIds } = await conferenceWithTalks(['Talk']);
    const id = talkIds[0]!;
    at(T0.getTime() + 1_000);
    await saveTalkBody(id, 'first');
    at(T0.getTime() + 2_000);
    await saveTalkBody(id, 'first line\nsecond');
    expect(await getTalk(id)).toMatchObject({ body: 'first line\nsecond', localRev: 3, updated: new Date(T0.getTime() + 2_000).toISOString(), created: T0.toISOString() });
  });

  it('keeps the last text when many saves are made without waiting', async () => {
    const { talkIds } = await conferenceWithTalks(['Talk']);
    const id = talkIds[0]!;
    const text = 'The quick brown fox jumps over the lazy dog, twice over.';
    const saves: Array<Promise<unknown>> = [];
    for (let n = 1; n <= text.length; n++) saves.push(saveTalkBody(id, text.slice(0, n)));
    const results = await Promise.all(saves);
    // The first goes out at once; every later one waits for it, and the newest of them is stored in one more save.
    expect(await getTalk(id)).toMatchObject({ body: text, localRev: 3 });
    expect(results[0]).toEqual({ rev: 2, body: 'T', keptOther: false });
    expect(new Set(results.slice(1))).toEqual(new Set([{ rev: 3, body: text, keptOther: false }]));
  });

  it('stores a save made during another as soon as that one is done, and counts it pending until then', async () => {
    const { talkIds } = await conferenceWithTalks(['Talk']);
    const id = talkIds[0]!;
    const put = vi.spyOn(db.talks, 'put');
    const puts = (): string[] => put.mock.calls.map(([talk]) => (talk as Talk).body);
    const first = saveTalkBody(id, 'a');
    const second = saveTalkBody(id, 'ab');
    const third = saveTalkBody(id, 'abc');
    let settled = false;
    void whenWritesSettled().then(() => (settled = true));
    expect(await first).toMatchObject({ body: 'a' });
    expect(settled).toBe(false);
    expect(await second).toMatchObject({ body: 'abc' });
    expect(await third).toMatchObject({ body: 'abc' });
    await whenWritesSettled();
    expect(puts()).toEqual(['a', 'abc']);
    // A save after they are done goes out at once again.
    await saveTalkBody(id, 'abcd');
    expect(puts()).toEqual(['a', 'abc', 'abcd']);
    expect((await getTalk(id))?.body).toBe('abcd');
  });

  it('keeps a change made elsewhere between two saves, even one that left localRev and updated as they were', async () => {
    const { talkIds } = await conferenceWithTalks(['Talk']);
    const id = talkIds[0]!;
    // Two saves: the second keeps the first text as history, after which saves need no read of their own.
    await saveTalkBody(id, 'first');
    await saveTalkBody(id, 'first,');
    // Another tab, through its own connection: a bumped change, then one that touched no stamp at all.
    const other = new LecternDb();
    try {
      await other.talks.update(id, { title: 'Renamed elsewhere', localRev: 4 });
      expect(await saveTalkBody(id, 'first, then more')).toEqual({ rev: 5, body: 'first, then more', keptOther: false });
      await other.talks.update(id, { room: 'K.1.105' });
      expect(await saveTalkBody(id, 'first, then more and more')).toEqual({ rev: 6, body: 'first, then more and more', keptOther: false });
    } finally {
      other.close();
    }
    expect(await getTalk(id)).toMatchObject({ title: 'Renamed elsewhere', room: 'K.1.105', body: 'first, then more and more', localRev: 6 });
  });

  it('keeps the last text when saves without waiting follow earlier ones, with a change made elsewhere among them', async () => {
    const { talkIds } = await conferenceWithTalks(['Talk']);
    const id = talkIds[0]!;
    await saveTalkBody(id, 'T');
    await saveTalkBody(id, 'Th');
    const text = 'The quick brown fox jumps over the lazy dog.';
    const saves: Array<Promise<unknown>> = [];
    for (let n = 3; n <= text.length; n++) {
      saves.push(saveTalkBody(id, text.slice(0, n)));
      if (n === 20) saves.push(db.talks.update(id, { starred: true }).then(() => 0));
    }
    await Promise.all(saves);
    expect(await getTalk(id)).toMatchObject({ body: text, starred: true });
  });

  it('keeps the last text when keys keep coming while a change made elsewhere is being taken in', async () => {
    const { talkIds } = await conferenceWithTalks(['Talk']);
    const id = talkIds[0]!;
    await saveTalkBody(id, 'T');
    await saveTalkBody(id, 'Th');
    const text = 'The quick brown fox jumps over the lazy dog, and again.';
    const saves: Array<Promise<unknown>> = [];
    for (let n = 3; n <= text.length; n++) {
      // One key per task, as typing arrives, without waiting for the saves.
      await new Promise((r) => setTimeout(r, 0));
      saves.push(saveTalkBody(id, text.slice(0, n)));
      if (n === 6) saves.push(db.talks.update(id, { starred: true }));
    }
    await Promise.all(saves);
    expect(await getTalk(id)).toMatchObject({ body: text, starred: true });
  });

  it('does not bring back a talk deleted elsewhere after a save', async () => {
    const { talkIds } = await conferenceWithTalks(['Talk']);
    const id = talkIds[0]!;
    await saveTalkBody(id, 'first');
    await saveTalkBody(id, 'first,');
    await db.talks.delete(id);
    await expect(saveTalkBody(id, 'first and more')).rejects.toThrow('This talk no longer exists, so the note cannot be saved.');
    expect(await db.talks.count()).toBe(0);
  });

  it('rejects saving the note of a talk that does not exist', async () => {
    await expect(saveTalkBody('missing', 'lost words')).rejects.toThrow('This talk no longer exists, so the note cannot be saved.');
    expect(await db.talks.count()).toBe(0);
  });
});

describe('Trash', () => {
  it('moves a talk to the Trash and back', async () => {
    const { confId, talkIds } = await conferenceWithTalks(['Keep', 'Toss']);
    const toss = talkIds[1]!;
    at(T0.getTime() + 1_000);
    await trashTalk(toss);
    expect(await getTalk(toss)).toMatchObject({ deletedAt: new Date(T0.getTime() + 1_000).toISOString(), localRev: 2 });
    expect((await listTalks(confId)).map((t) => t.title)).toEqual(['Keep']);

    at(T0.getTime() + 2_000);
    await restoreTalk(toss);
    expect(await getTalk(toss)).toMatchObject({ deletedAt: null, localRev: 3, updated: new Date(T0.getTime() + 2_000).toISOString() });
    expect((await listTalks(confId)).map((t) => t.title)).toEqual(['Keep', 'Toss']);
  });

  it('trashing a talk twice keeps the first time', async () => {
    const { talkIds } = await conferenceWithTalks(['Toss']);
    await trashTalk(talkIds[0]!);
    at(T0.getTime() + DAY);
    await trashTalk(talkIds[0]!);
    expect(await getTalk(talkIds[0]!)).toMatchObject({ deletedAt: T0.toISOString(), localRev: 2 });
  });

  it('restoring a talk of a trashed conference brings back the conference but not its other talks', async () => {
    const { confId, talkIds } = await conferenceWithTalks(['Wanted', 'Other']);
    await trashConference(confId);
    at(T0.getTime() + 1_000);
    await restoreTalk(talkIds[0]!);
    expect((await getConference(confId))?.deletedAt).toBeNull();
    expect((await listTalks(confId)).map((t) => t.title)).toEqual(['Wanted']);
    expect((await getTalk(talkIds[1]!))?.deletedAt).toBe(T0.toISOString());
    // The talk left behind is now listed in the Trash on its own, so it can still be restored.
    expect((await listTrash()).talks.map((t) => t.title)).toEqual(['Other']);
  });

  it('trashes a conference with its live talks under one timestamp, and restores exactly those', async () => {
    const { confId, talkIds } = await conferenceWithTalks(['Alone', 'With 1', 'With 2']);
    const [alone, with1, with2] = talkIds as [string, string, string];
    const earlier = new Date(T0.getTime() + 1_000).toISOString();
    const when = new Date(T0.getTime() + 2_000).toISOString();
    at(Date.parse(earlier));
    await trashTalk(alone);
    at(Date.parse(when));
    await trashConference(confId);

    expect((await getConference(confId))?.deletedAt).toBe(when);
    expect((await getTalk(with1))?.deletedAt).toBe(when);
    expect((await getTalk(with2))?.deletedAt).toBe(when);
    expect((await getTalk(alone))?.deletedAt).toBe(earlier);

    at(T0.getTime() + 3_000);
    await restoreConference(confId);
    expect((await getConference(confId))?.deletedAt).toBeNull();
    expect((await listTalks(confId)).map((t) => t.title)).toEqual(['With 1', 'With 2']);
    expect((await getTalk(alone))?.deletedAt).toBe(earlier);
  });

  it('lists trashed conferences, and talks trashed on their own with their conference name, most recent first', async () => {
    const fosdem = await conferenceWithTalks(['Early toss', 'Late toss', 'Stays'], { name: 'FOSDEM' });
    const gone = await conferenceWithTalks(['Went along'], { name: 'Gone conf' });
    const older = await conferenceWithTalks([], { name: 'Older conf' });
    at(T0.getTime() + 1_000);
    await trashTalk(fosdem.talkIds[0]!);
    at(T0.getTime() + 2_000);
    await trashConference(older.confId);
    at(T0.getTime() + 3_000);
    await trashConference(gone.confId);
    at(T0.getTime() + 4_000);
    await trashTalk(fosdem.talkIds[1]!);

    const trash = await listTrash();
    expect(trash.conferences.map((c) => c.name)).toEqual(['Gone conf', 'Older conf']);
    expect(trash.talks.map((t) => [t.title, t.conferenceName])).toEqual([
      ['Late toss', 'FOSDEM'],
      ['Early toss', 'FOSDEM'],
    ]);
  });

  it('purges only what was trashed more than 30 days ago; a purged conference takes its talks', async () => {
    const old = await conferenceWithTalks(['Old 1', 'Old 2'], { name: 'Old' });
    const recent = await conferenceWithTalks(['Recent 1'], { name: 'Recent' });
    const live = await conferenceWithTalks(['Live', 'Old alone', 'Recent alone'], { name: 'Live' });
    await trashConference(old.confId);
    await trashTalk(live.talkIds[1]!);
    at(T0.getTime() + 2 * DAY);
    await trashConference(recent.confId);
    await trashTalk(live.talkIds[2]!);

    const purged = await purgeTrash(new Date(T0.getTime() + DAY));
    expect(purged).toBe(4); // Old, its two talks, and "Old alone".
    expect(await getConference(old.confId)).toBeUndefined();
    expect(await db.talks.where('conferenceId').equals(old.confId).count()).toBe(0);
    expect((await db.talks.toArray()).map((t) => t.title).sort()).toEqual(['Live', 'Recent 1', 'Recent alone']);
    expect((await db.conferences.toArray()).map((c) => c.name).sort()).toEqual(['Live', 'Recent']);
  });

  it('purges after 30 days by default', async () => {
    const { confId, talkIds } = await conferenceWithTalks(['A', 'B']);
    await trashTalk(talkIds[0]!);
    at(T0.getTime() + 29 * DAY);
    expect(await purgeTrash()).toBe(0);
    at(T0.getTime() + 31 * DAY);
    expect(await purgeTrash()).toBe(1);
    expect((await db.talks.toArray()).map((t) => t.title)).toEqual(['B']);
    expect(await getConference(confId)).toBeDefined();
  });

  it('a conference purged after a talk of it was restored takes that talk too, leaving no orphan', async () => {
    const { confId, talkIds } = await conferenceWithTalks(['A']);
    await trashConference(confId);
    // Put the conference back in the Trash alone, with its talk live, as an older version or another tab could.
    await db.talks.update(talkIds[0]!, { deletedAt: null });
    expect(await purgeTrash(new Date(T0.getTime() + 1))).toBe(2);
    expect(await db.talks.count()).toBe(0);
  });

  it('empties the Trash, keeping everything live', async () => {
    const a = await conferenceWithTalks(['Live talk', 'Trashed talk'], { name: 'Live conf' });
    const b = await conferenceWithTalks(['Went along'], { name: 'Trashed conf' });
    await trashTalk(a.talkIds[1]!);
    await trashConference(b.confId);
    expect(await emptyTrash()).toBe(3);
    expect(await listTrash()).toEqual({ conferences: [], talks: [] });
    expect((await db.talks.toArray()).map((t) => t.title)).toEqual(['Live talk']);
    expect((await db.conferences.toArray()).map((c) => c.name)).toEqual(['Live conf']);
  });
});

describe('pending writes', () => {
  it('whenWritesSettled waits for saves still in flight', async () => {
    const { talkIds } = await conferenceWithTalks(['Talk']);
    const id = talkIds[0]!;
    for (const body of ['a', 'ab', 'abc']) void saveTalkBody(id, body);
    await whenWritesSettled();
    expect((await getTalk(id))?.body).toBe('abc');
  });
});

describe('saving a note another tab changed meanwhile', () => {
  it('is no conflict when a burst of saves from one base meets a change elsewhere to another field', async () => {
    const { talkIds } = await conferenceWithTalks(['Burst']);
    const id = talkIds[0]!;
    await saveTalkBody(id, 'ab', '');
    await saveTalkBody(id, 'abc', 'ab');
    const text = 'abcdefghijklmnopqrstuvwxyz';
    const saves: Array<Promise<{ keptOther: boolean } | number>> = [];
    for (let n = 4; n <= text.length; n++) {
      // The editor's base stays at the last text it saw confirmed while the keystrokes go out.
      saves.push(saveTalkBody(id, text.slice(0, n), 'abc'));
      if (n === 9) saves.push(db.talks.update(id, { starred: true }));
    }
    const results = await Promise.all(saves);
    expect(results.filter((r) => typeof r === 'object' && r.keptOther)).toEqual([]);
    expect(await getTalk(id)).toMatchObject({ body: text, starred: true });
    expect((await listVersions(id)).filter((v) => v.reason === 'conflict')).toEqual([]);
  });

  it('keeps the other text in history, says so, and stores the text typed here', async () => {
    const { talkIds } = await conferenceWithTalks(['Shared']);
    const id = talkIds[0]!;
    await saveTalkBody(id, 'start');
    // Another tab, whose saves this page never made, replaces the text.
    await db.talks.update(id, { body: 'start, then the other tab', localRev: 99 });
    const saved = await saveTalkBody(id, 'start, then this tab', 'start');
    expect(saved).toEqual({ rev: 100, body: 'start, then this tab', keptOther: true });
    expect(await getTalk(id)).toMatchObject({ body: 'start, then this tab' });
    const kept = await listVersions(id);
    expect(kept.map((v) => [v.reason, (v.record as Talk).body])).toContainEqual(['conflict', 'start, then the other tab']);
  });

  it('is no conflict when the stored text is this page’s own later save, or the editor’s base', async () => {
    const { talkIds } = await conferenceWithTalks(['Mine']);
    const id = talkIds[0]!;
    await saveTalkBody(id, 'a', '');
    // Saves made without waiting all start from the same confirmed base.
    const saves = ['ab', 'abc', 'abcd'].map((text) => saveTalkBody(id, text, 'a'));
    expect((await Promise.all(saves)).map((s) => s.keptOther)).toEqual([false, false, false]);
    expect((await listVersions(id)).filter((v) => v.reason === 'conflict')).toEqual([]);
    expect((await getTalk(id))?.body).toBe('abcd');
  });
});
