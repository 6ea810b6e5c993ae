// The search index follows the database: built from every talk, then kept up to date from changes, within a second.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConference, trashConference, updateConference, restoreConference } from '../../src/db/conferences';
import { db } from '../../src/db/database';
import { readLiveTalkStamps, watchSearchChanges, type SearchChanges } from '../../src/db/search-source';
import { createTalk, saveTalkBody, setStarred, trashTalk } from '../../src/db/talks';
import { INDEX_FORMAT } from '../../src/search/search-index';
import { closeSearch, openSearch, type SearchService } from '../../src/search/search-service';
import { resetDb } from '../helpers/db';
import { statesSeen } from '../helpers/search';
import { conferenceDraft, talkFields } from '../helpers/factories';

beforeEach(resetDb);
afterEach(closeSearch);

async function ready(): Promise<SearchService> {
  const service = await openSearch();
  await new Promise<void>((resolve, reject) => {
    const stop = service.subscribe((s) => {
      if (s.state === 'ready') resolve();
      if (s.state === 'error') reject(new Error(s.message));
    });
    void stop;
  });
  return service;
}

const titles = async (service: SearchService, q: string, filters = {}): Promise<string[]> =>
  (await service.search(q, filters)).response.hits.map((h) => h.title.map((s) => s.text).join('')).sort();

/** Polls until the expectation holds, failing after a second: the issue promises changes are findable within one. */
async function withinASecond(check: () => Promise<void>): Promise<void> {
  const until = Date.now() + 1000;
  for (;;) {
    try {
      await check();
      return;
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

describe('the index built from the database', () => {
  it('holds every live talk, with its conference name, and none from the Trash', async () => {
    const fosdem = await createConference(conferenceDraft({ name: 'FOSDEM 2026' }));
    await createTalk(fosdem, talkFields({ title: 'Sync engines' }));
    const gone = await createTalk(fosdem, talkFields({ title: 'Sync gone' }));
    await trashTalk(gone);
    const service = await ready();
    expect(await titles(service, 'sync')).toEqual(['Sync engines']);
    expect(await titles(service, 'fosdem')).toEqual(['Sync engines']);
  });

  it('reads more talks than one page', async () => {
    const conf = await createConference(conferenceDraft());
    await db.talks.bulkAdd(
      Array.from({ length: 600 }, (_, i) => ({
        id: `t-${String(i).padStart(4, '0')}`, created: '2026-01-01T00:00:00.000Z', updated: '2026-01-01T00:00:00.000Z', localRev: 1, deletedAt: null,
        conferenceId: conf, kind: 'talk' as const, abstract: '', body: `note number ${i}`, starred: false, attachments: [], ...talkFields({ title: `Talk ${i}` }),
      })),
    );
    const service = await ready();
    expect((await service.search('note', {})).response.total).toBe(600);
  });
});

describe('changes', () => {
  it('finds a note typed a moment ago, follows edits, stars, trash and restore', async () => {
    const conf = await createConference(conferenceDraft({ name: 'RustConf' }));
    const id = await createTalk(conf, talkFields({ title: 'Async Rust' }));
    const service = await ready();

    await saveTalkBody(id, 'pinning explained');
    await withinASecond(async () => expect(await titles(service, 'pinning')).toEqual(['Async Rust']));
    await saveTalkBody(id, 'wakers explained');
    await withinASecond(async () => expect(await titles(service, 'pinning')).toEqual([]));
    expect(await titles(service, 'wakers')).toEqual(['Async Rust']);

    await setStarred(id, true);
    await withinASecond(async () => expect(await titles(service, 'wakers', { starred: true })).toEqual(['Async Rust']));

    const added = await createTalk(conf, talkFields({ title: 'Wakers in depth' }));
    await withinASecond(async () => expect(await titles(service, 'wakers')).toEqual(['Async Rust', 'Wakers in depth']));
    await trashTalk(added);
    await withinASecond(async () => expect(await titles(service, 'wakers')).toEqual(['Async Rust']));

    await trashConference(conf);
    await withinASecond(async () => expect(await titles(service, 'wakers')).toEqual([]));
    await restoreConference(conf);
    await withinASecond(async () => expect(await titles(service, 'wakers')).toEqual(['Async Rust']));
  });

  it('finds talks by their conference’s new name after a rename', async () => {
    const conf = await createConference(conferenceDraft({ name: 'Old name' }));
    await createTalk(conf, talkFields({ title: 'Kept talk' }));
    const service = await ready();
    await updateConference(conf, conferenceDraft({ name: 'Strangeloop' }));
    await withinASecond(async () => expect(await titles(service, 'strangeloop')).toEqual(['Kept talk']));
    expect(await titles(service, 'old name')).toEqual([]);
  });

  it('drops talks deleted for good when it is opened again', async () => {
    const conf = await createConference(conferenceDraft());
    const id = await createTalk(conf, talkFields({ title: 'Purged talk' }));
    const service = await ready();
    // A delete leaves no `updated` stamp to watch (as when the Trash is purged); reopening search checks the stamps.
    await db.talks.delete(id);
    await openSearch();
    await withinASecond(async () => expect(await titles(service, 'purged')).toEqual([]));
  });
});

describe('a record stamped in the future', () => {
  // A backup restored from a device whose clock ran ahead, or notes saved before this clock was set back.
  const ahead = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString();

  it('does not hide notes typed later, whether the index was built or loaded', async () => {
    const conf = await createConference(conferenceDraft({ name: 'Clockwork' }));
    const future = await createTalk(conf, talkFields({ title: 'From the future' }));
    await db.talks.update(future, { updated: ahead(30), body: 'chronology' });
    const id = await createTalk(conf, talkFields({ title: 'Typed today' }));
    const built = await ready();
    await saveTalkBody(id, 'pendulum');
    await withinASecond(async () => expect(await titles(built, 'pendulum')).toEqual(['Typed today']));
    expect(await titles(built, 'chronology')).toEqual(['From the future']);
    await built.save();
    closeSearch();

    const loaded = await ready();
    await saveTalkBody(id, 'escapement');
    await withinASecond(async () => expect(await titles(loaded, 'escapement')).toEqual(['Typed today']));
    // The future record itself is still followed: an edit to it (stamped now) is found too.
    await saveTalkBody(future, 'chronometer');
    await withinASecond(async () => expect(await titles(loaded, 'chronometer')).toEqual(['From the future']));
  });

  it('is reported once by the watch, and again only when it changes', async () => {
    const conf = await createConference(conferenceDraft());
    const future = await createTalk(conf, talkFields({ title: 'Ahead' }));
    await db.talks.update(future, { updated: ahead(1) });
    const seen: SearchChanges[] = [];
    const stop = watchSearchChanges(new Date().toISOString(), [], (c) => seen.push(c), (err) => {
      throw err;
    });
    const a = await createTalk(conf, talkFields({ title: 'A' }));
    await saveTalkBody(a, 'one');
    await saveTalkBody(a, 'two');
    await new Promise((r) => setTimeout(r, 100));
    await saveTalkBody(future, 'changed at last');
    await new Promise((r) => setTimeout(r, 200));
    stop();
    const reported = seen.flatMap((c) => c.talks.map((t) => `${t.title}:${t.localRev}`));
    expect(reported.filter((r) => r.startsWith('Ahead'))).toEqual(['Ahead:1', 'Ahead:2']);
    expect(reported).toEqual(expect.arrayContaining(['A:3']));
  });
});

describe('watchSearchChanges', () => {
  it('reports each change once, even several within one millisecond', async () => {
    const conf = await createConference(conferenceDraft());
    const since = new Date().toISOString();
    const seen: SearchChanges[] = [];
    const stop = watchSearchChanges(since, [], (c) => seen.push(c), (err) => {
      throw err;
    });
    const a = await createTalk(conf, talkFields({ title: 'A' }));
    const b = await createTalk(conf, talkFields({ title: 'B' }));
    await saveTalkBody(a, 'text');
    await new Promise((r) => setTimeout(r, 200));
    stop();
    const reported = seen.flatMap((c) => c.talks.map((t) => `${t.id}:${t.localRev}`));
    expect(new Set(reported).size).toBe(reported.length);
    expect(reported).toEqual(expect.arrayContaining([`${a}:2`, `${b}:1`]));
    expect(seen.length).toBeLessThanOrEqual(4);
  });
});

describe('the saved index', () => {
  it('is loaded at the next start and catches up with what changed, was renamed or was deleted meanwhile', async () => {
    const conf = await createConference(conferenceDraft({ name: 'Old name' }));
    const edited = await createTalk(conf, talkFields({ title: 'Edited later' }));
    const purged = await createTalk(conf, talkFields({ title: 'Purged later' }));
    await createTalk(conf, talkFields({ title: 'Untouched' }));
    const first = await ready();
    await first.save();
    closeSearch();

    // While search is closed: an edit, a new talk, a rename, a delete for good (which leaves no stamp).
    await saveTalkBody(edited, 'raft consensus');
    await createTalk(conf, talkFields({ title: 'Added later' }));
    await updateConference(conf, conferenceDraft({ name: 'Strangeloop' }));
    await db.talks.delete(purged);

    const service = await ready();
    const statuses = statesSeen(service);
    expect(statuses).toEqual(['saved']);
    await withinASecond(async () => expect(await titles(service, 'strangeloop')).toEqual(['Added later', 'Edited later', 'Untouched']));
    expect(await titles(service, 'raft')).toEqual(['Edited later']);
    expect(await titles(service, 'purged')).toEqual([]);
    expect(await titles(service, 'old name')).toEqual([]);
  });

  it('is built again when what is saved cannot be loaded', async () => {
    const conf = await createConference(conferenceDraft());
    await createTalk(conf, talkFields({ title: 'Still found' }));
    await db.settings.put({ key: 'searchIndex', value: { format: INDEX_FORMAT, point: '', docs: 1, index: '{"broken":' } });
    const service = await ready();
    expect(await titles(service, 'still')).toEqual(['Still found']);
    expect(await db.settings.get('searchIndex')).toBeUndefined();
  });
});

describe('readLiveTalkStamps', () => {
  it('gives every live talk its stored `updated`, and leaves trashed and deleted talks out', async () => {
    const conf = await createConference(conferenceDraft());
    const kept = await createTalk(conf, talkFields({ title: 'Kept' }));
    const edited = await createTalk(conf, talkFields({ title: 'Edited' }));
    const trashed = await createTalk(conf, talkFields({ title: 'Trashed' }));
    const deleted = await createTalk(conf, talkFields({ title: 'Deleted' }));
    await saveTalkBody(edited, 'a later note');
    await trashTalk(trashed);
    await db.talks.delete(deleted);
    const stored = new Map((await db.talks.bulkGet([kept, edited])).map((t) => [t!.id, t!.updated]));
    expect(await readLiveTalkStamps()).toEqual(stored);
  });
});
