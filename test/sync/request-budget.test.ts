// The listings are the index: with 1,000 notes in the folder, a sync with one changed note costs a handful of
// requests, the same as with ten. Counted on the server (Apache's access log) and by the client.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DavServer, startDavServer } from '../helpers/apache';
import { configFor, Device, freshFolder } from '../helpers/sync-device';
import type { SyncProgress } from '../../src/sync/run-sync';

let dav: DavServer;
beforeAll(async () => {
  dav = await startDavServer({ corsOrigin: '*' });
});
afterAll(async () => {
  await dav?.close();
});

async function library(notes: number): Promise<{ a: Device; b: Device; ids: string[]; firstSyncMs: number; progress: SyncProgress[] }> {
  const folder = freshFolder(`n${notes}`);
  const a = new Device('A', configFor(dav, folder));
  const b = new Device('B', configFor(dav, folder));
  const conf = await a.addConference();
  const ids: string[] = [];
  for (let i = 0; i < notes; i++) ids.push((await a.addTalk(conf.id, `Talk ${i}`, `Notes of talk ${i}\n- a point\n- another point\n`)).id);
  await a.sync();
  const progress: SyncProgress[] = [];
  const started = performance.now();
  await b.sync({ onProgress: (p) => progress.push(p) });
  return { a, b, ids, firstSyncMs: performance.now() - started, progress };
}

/** Requests Apache served while `run` ran. */
async function served(run: () => Promise<unknown>): Promise<string[]> {
  const before = (await dav.accessLog()).length;
  await run();
  return (await dav.accessLog()).slice(before);
}

it('one changed note among 1,000 costs at most 8 requests to send and at most 8 to receive, as among 10', { timeout: 300_000 }, async () => {
  const counts: Record<number, { up: number; down: number }> = {};
  for (const n of [10, 1000]) {
    const { a, b, ids, firstSyncMs, progress } = await library(n);
    expect((await b.liveTalks()).length).toBe(n);
    expect(progress.at(-1)).toEqual({ done: n + 1, total: n + 1 });
    expect(progress.every((p, i) => i === 0 || p.done >= progress[i - 1]!.done)).toBe(true);
    if (n === 1000) console.log(`first sync of ${n} notes over loopback: ${(firstSyncMs / 1000).toFixed(1)} s`);
    await a.setBody(ids[n >> 1]!, 'changed on A\n');
    let resultUp = 0;
    const up = await served(async () => (resultUp = (await a.sync()).requests));
    let resultDown = 0;
    const down = await served(async () => (resultDown = (await b.sync()).requests));
    expect((await b.talk(ids[n >> 1]!))?.body).toBe('changed on A\n');
    expect(up.length).toBe(resultUp);
    expect(down.length).toBe(resultDown);
    counts[n] = { up: up.length, down: down.length };
    await a.close();
    await b.close();
  }
  console.log('requests for one changed note:', counts);
  expect(counts[1000]!.up).toBeLessThanOrEqual(8);
  expect(counts[1000]!.down).toBeLessThanOrEqual(8);
  expect(counts[1000]).toEqual(counts[10]);
});
