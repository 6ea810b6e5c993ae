// Faults on the way to the real server: each ends with every line typed on any device present on every device,
// and the devices holding the same notes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DavServer, mountTinyDisk, startDavServer } from '../helpers/apache';
import { configFor, Device, expectConverged, freshFolder } from '../helpers/sync-device';
import { WebDavStore } from '../../src/sync/webdav-store';
import { countPendingChanges, lastSyncRun } from '../../src/db/sync-state';

let dav: DavServer;
const devices: Device[] = [];
beforeAll(async () => {
  dav = await startDavServer({ corsOrigin: '*', faults: true });
});
afterAll(async () => {
  for (const d of devices) await d.close();
  await dav?.close();
});

async function pair(): Promise<{ a: Device; b: Device; conf: string; folder: string }> {
  const folder = freshFolder();
  const a = new Device('A', configFor(dav, folder));
  const b = new Device('B', configFor(dav, folder));
  devices.push(a, b);
  const conf = await a.addConference();
  await a.sync();
  await b.sync();
  return { a, b, conf: conf.id, folder };
}

async function settle(devs: Device[]): Promise<void> {
  for (let i = 0; i < 2; i++) for (const d of devs) await d.sync();
}

describe('sync faults', () => {
  it('the server stops in the middle of a run, then comes back', async () => {
    const { a, b, conf } = await pair();
    const typed: string[] = [];
    for (let i = 0; i < 20; i++) {
      const line = `note ${i} typed on A`;
      typed.push(line);
      await a.addTalk(conf, `T${i}`, line + '\n');
    }
    let stopped: Promise<void> | null = null;
    const run = a.sync({
      onProgress: ({ done }) => {
        if (done === 5 && !stopped) stopped = dav.stop();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'SyncStop', reason: 'unreachable' });
    await stopped;
    expect(await countPendingChanges(a.db)).toBeGreaterThan(0);
    expect(await lastSyncRun(a.db)).toMatchObject({ ok: false });
    await dav.start();
    await settle([a, b]);
    expect(await countPendingChanges(a.db)).toBe(0);
    await expectConverged([a, b], typed, expect);
  });

  it('an upload cut off mid-body leaves the old file; the next run uploads once, with no conflict copy', async () => {
    const { a, b, conf, folder } = await pair();
    const t = await a.addTalk(conf, 'Long', 'first version\n');
    await settle([a, b]);
    const long = 'second version\n' + 'x'.repeat(50_000) + '\n';
    await a.setBody(t.id, long);
    // Every attempt of the request (with the client's retries) is cut.
    dav.faults!.add({ method: 'PUT', path: /\/talks\//, times: 3, action: { kind: 'cut-request', afterBytes: 2000 } });
    await expect(a.sync()).rejects.toMatchObject({ reason: 'unreachable' });
    expect((await dav.readRaw(`${folder}/talks/${t.id}.md`))?.toString()).toContain('first version');
    await settle([a, b]);
    expect((await b.talk(t.id))?.body).toBe(long);
    expect((await b.liveTalks()).some((x) => x.conflictOf)).toBe(false);
    await expectConverged([a, b], ['second version'], expect);
  });

  it('the reply is lost after the server applied the write: no duplicate, no conflict copy', async () => {
    const { a, b, conf } = await pair();
    const t = await a.addTalk(conf, 'Reply lost', 'one\n');
    await settle([a, b]);
    await a.setBody(t.id, 'one\ntwo\n');
    dav.faults!.add({ method: 'PUT', path: /\/talks\//, action: { kind: 'drop-response' } });
    // A new note too: its create-only PUT is answered 412 on the retry, and the content check settles it.
    const n = await a.addTalk(conf, 'New', 'fresh\n');
    dav.faults!.add({ method: 'PUT', path: new RegExp(n.id), action: { kind: 'drop-response' } });
    const r = await a.sync();
    expect(r.conflicts).toBe(0);
    await settle([a, b]);
    expect((await b.liveTalks()).filter((x) => x.conflictOf)).toEqual([]);
    expect((await b.talk(t.id))?.body).toBe('one\ntwo\n');
    await expectConverged([a, b], ['one', 'two', 'fresh'], expect);
  });

  it('a download cut off applies nothing; the next run downloads again', async () => {
    const { a, b, conf } = await pair();
    const t = await a.addTalk(conf, 'Big', 'y'.repeat(40_000) + '\nend line\n');
    await a.sync();
    dav.faults!.add({ method: 'GET', path: new RegExp(t.id), times: 3, action: { kind: 'truncate-response', afterBytes: 1000 } });
    await expect(b.sync()).rejects.toMatchObject({ reason: 'unreachable' });
    expect(await b.talk(t.id)).toBeUndefined();
    await settle([a, b]);
    await expectConverged([a, b], ['end line'], expect);
  });

  it('a wrong password stops the run with credentials and changes nothing here', async () => {
    const { a, conf } = await pair();
    await a.addTalk(conf, 'Waiting', 'still here\n');
    const good = a.config;
    a.config = { ...good, password: 'wrong' };
    await expect(a.sync()).rejects.toMatchObject({ reason: 'credentials' });
    expect(await countPendingChanges(a.db)).toBe(1);
    a.config = good;
    await a.sync();
    expect(await countPendingChanges(a.db)).toBe(0);
  });

  it('412 from a device that wrote between this one reading and writing: the two edits merge', async () => {
    const { a, b, conf } = await pair();
    const t = await a.addTalk(conf, 'Raced', 'l1\nl2\nl3\nl4\n');
    await settle([a, b]);
    await a.setBody(t.id, 'l1 by A\nl2\nl3\nl4\n');
    await b.setBody(t.id, 'l1\nl2\nl3\nl4 by B\n');
    let raced = false;
    const racingFetch: typeof fetch = async (input, init) => {
      if (!raced && init?.method === 'PUT' && String(input).includes(t.id)) {
        raced = true;
        await b.sync();
      }
      return fetch(input, init);
    };
    const r = await a.sync({ remote: new WebDavStore(a.config, { fetch: racingFetch }) });
    expect(raced).toBe(true);
    expect(r).toMatchObject({ merged: 1, conflicts: 0 });
    await settle([a, b]);
    for (const d of [a, b]) expect((await d.talk(t.id))?.body).toBe('l1 by A\nl2\nl3\nl4 by B\n');
  });

  it('507 from a full disk stops the run with full; after space is freed the note goes up', async () => {
    const { a, b, conf, folder } = await pair();
    const unmount = mountTinyDisk(dav, `${folder}/talks`, 64);
    if (!unmount) {
      console.warn('507 case skipped: mounting a tmpfs needs root');
      return;
    }
    try {
      await a.addTalk(conf, 'Huge', 'huge note\n' + 'z'.repeat(200_000) + '\n');
      await expect(a.sync()).rejects.toMatchObject({ reason: 'full' });
      expect(await countPendingChanges(a.db)).toBe(1);
    } finally {
      unmount();
    }
    await settle([a, b]);
    await expectConverged([a, b], ['huge note'], expect);
  });

  it('malformed remote files are quarantined: reported, never overwritten or deleted, nothing stored', async () => {
    const { a, b, conf, folder } = await pair();
    const t = await a.addTalk(conf, 'Fine', 'local text\n');
    await settle([a, b]);
    const broken = '---\nformat: 1\ntype: talk\nid: [oops\n---\nhand edit\n';
    await dav.writeRaw(`${folder}/talks/${t.id}.md`, broken);
    await dav.writeRaw(`${folder}/talks/00000000-0000-4000-8000-000000000001.md`, new Uint8Array([0, 1, 2, 255, 254]));
    await dav.writeRaw(`${folder}/talks/00000000-0000-4000-8000-000000000002.md`, '---\nformat: 1\ntype: talk\nid: someone-else\n---\n');
    await dav.writeRaw(`${folder}/tombstones/00000000-0000-4000-8000-000000000003.json`, '{not json');
    await b.setBody(t.id, 'local text\nedited on B\n');
    const r = await b.sync();
    expect(r.quarantined.map((q) => q.path).sort()).toEqual([
      'talks/00000000-0000-4000-8000-000000000001.md',
      'talks/00000000-0000-4000-8000-000000000002.md',
      `talks/${t.id}.md`,
      'tombstones/00000000-0000-4000-8000-000000000003.json',
    ]);
    expect(r.quarantined.find((q) => q.path.endsWith(`${t.id}.md`))?.reason).toMatch(/YAML/);
    expect(r.quarantined.find((q) => q.path.endsWith('1.md'))?.reason).toMatch(/UTF-8|binary/);
    expect(r.quarantined.find((q) => q.path.endsWith('2.md'))?.reason).toMatch(/id/);
    expect((await dav.readRaw(`${folder}/talks/${t.id}.md`))?.toString()).toBe(broken);
    expect(await dav.readRaw(`${folder}/talks/00000000-0000-4000-8000-000000000001.md`)).not.toBeNull();
    expect((await b.talk(t.id))?.body).toBe('local text\nedited on B\n');
    expect((await b.liveTalks()).length).toBe(1);
    expect(await lastSyncRun(b.db)).toMatchObject({ ok: true, message: expect.stringMatching(/could not be read/) });
    // Still reported next time, without downloading the same broken file again.
    const before = (await dav.accessLog()).length;
    expect((await b.sync()).quarantined.length).toBe(4);
    expect((await dav.accessLog()).slice(before).filter((l) => l.includes('"GET') && !l.includes('lectern.json'))).toEqual([]);
    // Once someone fixes the file, sync carries on: the edit made meanwhile merges or becomes a copy, never lost.
    await dav.writeRaw(`${folder}/talks/${t.id}.md`, broken.replace('[oops', t.id));
    await settle([a, b]);
    await expectConverged([a, b], ['edited on B'], expect);
  });

  it('clocks hours apart change nothing: an edit still beats a delete, merges still merge', async () => {
    const { a, b, conf } = await pair();
    a.clockSkewMs = 5 * 3600_000;
    b.clockSkewMs = -7 * 3600_000;
    const t = await a.addTalk(conf, 'Skewed', 'p\nq\nr\n');
    const u = await a.addTalk(conf, 'Deleted later', 'to delete\n');
    await settle([a, b]);
    await a.setBody(t.id, 'p by A\nq\nr\n');
    await b.setBody(t.id, 'p\nq\nr by B\n');
    await a.trash(u.id);
    await a.sync();
    // B, whose clock is 12 hours behind, edits the note A deleted "later": the edit still wins.
    await b.setBody(u.id, 'to delete\nbut B kept writing\n');
    await settle([a, b]);
    for (const d of [a, b]) {
      expect((await d.talk(t.id))?.body).toBe('p by A\nq\nr by B\n');
      expect(await d.talk(u.id)).toMatchObject({ deletedAt: null, body: 'to delete\nbut B kept writing\n' });
    }
    await expectConverged([a, b], ['p by A', 'r by B', 'but B kept writing'], expect);
  });
});
