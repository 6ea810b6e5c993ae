// A large index split between two shards answers as one index does: same talks found, edits and deletes followed,
// filters merged by day, saved and loaded shard by shard.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConference, updateConference } from '../../src/db/conferences';
import { db } from '../../src/db/database';
import { readSearchCache } from '../../src/db/search-cache';
import { createTalk, saveTalkBody, setStarred, trashTalk } from '../../src/db/talks';
import type { IndexReply } from '../../src/search/protocol';
import { INDEX_FORMAT } from '../../src/search/search-index';
import { pageHost, SearchService, type Host } from '../../src/search/search-service';
import { resetDb } from '../helpers/db';
import { statesSeen } from '../helpers/search';
import { conferenceDraft, talkFields } from '../helpers/factories';

beforeEach(resetDb);
const running: SearchService[] = [];
afterEach(() => {
  for (const s of running.splice(0)) s.stop();
});

/** A service over page hosts; `shards` of them may be used, every build split however few talks there are. */
async function ready(shards: number): Promise<SearchService> {
  const spare: Host[] = [];
  for (let i = 1; i < shards; i++) spare.push(await pageHost());
  const service = new SearchService(await pageHost(), { spares: spare, shardFrom: 1 });
  running.push(service);
  void service.build();
  await new Promise<void>((resolve, reject) =>
    service.subscribe((s) => {
      if (s.state === 'ready') resolve();
      if (s.state === 'error') reject(new Error(s.message));
    }),
  );
  return service;
}

const found = async (service: SearchService, q: string, filters = {}): Promise<{ titles: string[]; total: number }> => {
  const { response } = await service.search(q, filters);
  return { titles: response.hits.map((h) => h.title.map((s) => s.text).join('')), total: response.total };
};

async function withinASecond(check: () => Promise<void>): Promise<void> {
  const until = Date.now() + 1000;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

/** 40 talks, ids spread over both halves (random UUIDs), days over a week, every fifth about CRDTs. */
async function seed(): Promise<string[]> {
  const conf = await createConference(conferenceDraft({ name: 'Local-first conf' }));
  const ids: string[] = [];
  for (let i = 0; i < 40; i++) {
    ids.push(
      await createTalk(conf, talkFields({ title: i % 5 === 0 ? `CRDTs in practice ${i}` : `Talk ${i}`, day: `2026-03-0${1 + (i % 7)}` })),
    );
  }
  return ids;
}

describe('an index in two shards', () => {
  it('finds what one index finds, ranked by the same scores', async () => {
    const ids = await seed();
    expect(ids.some((id) => id < '8') && ids.some((id) => id >= '8')).toBe(true);
    const one = await ready(1);
    const two = await ready(2);
    for (const q of ['crdts', 'talk', 'practice 1', 'local']) {
      const a = await found(one, q);
      const b = await found(two, q);
      expect(b.total).toBe(a.total);
      expect([...b.titles].sort()).toEqual([...a.titles].sort());
    }
    // Each shard holds about half: both answered.
    const { response } = await two.search('talk', {}, 100);
    expect(new Set(response.hits.map((h) => h.id < '8')).size).toBe(2);
    // Scores come down the merged list.
    const scores = response.hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
  });

  it('lists talks by filters alone latest day first, across both shards', async () => {
    const ids = await seed();
    for (const id of ids.slice(0, 12)) await setStarred(id, true);
    const two = await ready(2);
    const { response } = await two.search('', { starred: true });
    expect(response.total).toBe(12);
    const days = response.hits.map((h) => h.day);
    expect(days).toEqual([...days].sort().reverse());
  });

  it('follows new notes, edits and deletes in whichever shard holds them', async () => {
    const ids = await seed();
    const two = await ready(2);
    const low = ids.find((id) => id < '8')!;
    const high = ids.find((id) => id >= '8')!;
    await saveTalkBody(low, 'automerge and yjs compared');
    await saveTalkBody(high, 'yjs awareness protocol');
    await withinASecond(async () => expect((await found(two, 'yjs')).total).toBe(2));
    await trashTalk(high);
    await withinASecond(async () => expect((await found(two, 'yjs')).total).toBe(1));
    expect((await found(two, 'automerge')).total).toBe(1);
  });

  it('is saved shard by shard and loaded as it was saved', async () => {
    await seed();
    const two = await ready(2);
    await two.save();
    const cache = await readSearchCache();
    expect(cache?.format).toBe(INDEX_FORMAT);
    expect(cache?.index).toHaveLength(2);
    two.stop();

    const again = await ready(2);
    const statuses = statesSeen(again);
    expect(statuses).toEqual(['saved']);
    expect((await found(again, 'crdts')).total).toBe(8);
    expect((await found(again, 'talk')).total).toBe(32);
  });

  it('is built again as one index where only one can run', async () => {
    await seed();
    const two = await ready(2);
    await two.save();
    two.stop();
    const one = await ready(1);
    const statuses = statesSeen(one);
    expect(statuses).toEqual(['built']);
    expect((await found(one, 'crdts')).total).toBe(8);
  });

  it('starts again from nothing in every shard when one shard\'s saved part is damaged', async () => {
    const ids = await seed();
    const two = await ready(2);
    await two.save();
    two.stop();
    const cache = (await readSearchCache())!;
    await db.settings.put({ key: 'searchIndex', value: { ...cache, index: [cache.index[0], '{"broken":'] } });
    // Deleted for good while search was closed: a shard that loaded its part would still hold it.
    const purged = ids.find((id) => id < '8')!;
    const title = (await db.talks.get(purged))!.title;
    await db.talks.delete(purged);

    const again = await ready(2);
    const statuses = statesSeen(again);
    expect(statuses).toEqual(['built']);
    expect((await found(again, 'crdts')).total + (await found(again, 'talk')).total).toBe(39);
    expect((await found(again, title)).titles).not.toContain(title);
  });
});

describe('after a build or a load', () => {
  /** A page host that counts the documents sent to it to be added. */
  async function countingHost(): Promise<{ host: Host; upserted: () => number }> {
    const host = await pageHost();
    let n = 0;
    return {
      host: {
        ...host,
        post: (r) => {
          if (r.type === 'upsert') n += r.docs.length;
          host.post(r);
        },
      },
      upserted: () => n,
    };
  }

  async function started(host: Host): Promise<SearchService> {
    const service = new SearchService(host);
    running.push(service);
    void service.build();
    await new Promise<void>((resolve) => service.subscribe((s) => s.state === 'ready' && resolve()));
    return service;
  }

  it('does not add again the talks it has just read, when their conference has the newest stamp', async () => {
    const conf = await createConference(conferenceDraft({ name: 'Renamed last' }));
    for (let i = 0; i < 30; i++) await createTalk(conf, talkFields({ title: `Talk ${i}` }));
    await updateConference(conf, conferenceDraft({ name: 'Renamed at the end' }));
    const { host, upserted } = await countingHost();
    const service = await started(host);
    await new Promise((r) => setTimeout(r, 300));
    expect(upserted()).toBe(0);
    expect((await found(service, 'renamed')).total).toBe(30);

    // Nor after a start from the saved index.
    await service.save();
    service.stop();
    const again = await countingHost();
    const loaded = await started(again.host);
    await new Promise((r) => setTimeout(r, 300));
    expect(again.upserted()).toBe(0);
    expect((await found(loaded, 'renamed')).total).toBe(30);
    // A change after that is still followed.
    await updateConference(conf, conferenceDraft({ name: 'Strangeloop' }));
    await withinASecond(async () => expect((await found(loaded, 'strangeloop')).total).toBe(30));
  });
});

describe('progress of a first build', () => {
  it('is redrawn a few times a second, not for every page a worker reads', async () => {
    await seed();
    const engine = await pageHost();
    let forward: (r: IndexReply) => void = () => undefined;
    engine.onReply((r) => {
      // The engine's 'read' reply is held back behind 40 progress reports sent in one go.
      if (r.type === 'read') for (let i = 1; i <= 40; i++) forward({ type: 'progress', done: i });
      forward(r);
    });
    const host: Host = { post: (r) => engine.post(r), onReply: (l) => (forward = l) };
    const service = new SearchService(host);
    running.push(service);
    const shown: number[] = [];
    service.subscribe((s) => s.state === 'building' && s.done > 0 && shown.push(s.done));
    void service.build();
    await new Promise<void>((resolve) => service.subscribe((s) => s.state === 'ready' && resolve()));
    expect(shown.length).toBeGreaterThanOrEqual(1);
    expect(shown.length).toBeLessThanOrEqual(2);
  });
});
