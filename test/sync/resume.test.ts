// A run cut off at any request, before it is sent or after the server answered, leaves nothing half done: the next
// run carries on, and the devices end with the same notes, every line, and no copy or duplicate the cut made.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DavServer, startDavServer } from '../helpers/apache';
import { configFor, Device, expectConverged, freshFolder } from '../helpers/sync-device';
import { sha256Hex } from '../../src/sync/hash';
import { WebDavStore } from '../../src/sync/webdav-store';

let dav: DavServer;
beforeAll(async () => {
  dav = await startDavServer({ corsOrigin: '*' });
});
afterAll(async () => {
  await dav?.close();
});

/** A store whose run is cut off (as by closing the tab) at request `cutAt`, before sending it or after its reply. */
function cutStore(d: Device, cutAt: number, when: 'before' | 'after'): WebDavStore {
  const ac = new AbortController();
  let n = 0;
  const cutting: typeof fetch = async (input, init) => {
    const mine = ++n;
    if (when === 'before' && mine === cutAt) ac.abort();
    const res = await fetch(input, init);
    if (when === 'after' && mine === cutAt) ac.abort();
    return res;
  };
  return new WebDavStore(d.config, { signal: ac.signal, fetch: cutting });
}

describe('resuming', () => {
  for (const when of ['before', 'after'] as const) {
    it(`converges after runs cut off at every request in turn (${when} the request)`, { timeout: 300_000 }, async () => {
      const folder = freshFolder(`cut-${when}`);
      const a = new Device('A', configFor(dav, folder));
      const b = new Device('B', configFor(dav, folder));
      const conf = await a.addConference();
      const t1 = await a.addTalk(conf.id, 'One', 'one a\none b\none c\none d\n');
      const t2 = await a.addTalk(conf.id, 'Two', 'two\n');
      const t3 = await a.addTalk(conf.id, 'Three', 'three a\nthree b\n');
      await a.sync();
      await b.sync();
      // Work for A's cut runs: an edit that merges with B's, a new note with a photo, a delete, an edit B also made.
      await a.setBody(t1.id, 'one a by A\none b\none c\none d\n');
      await b.setBody(t1.id, 'one a\none b\none c\none d by B\n');
      await b.setBody(t3.id, 'three a\nthree b\nthree c by B\n');
      await b.sync();
      const bytes = new Uint8Array(2048).map((_, i) => (i * 31) % 251);
      const sha = await sha256Hex(bytes);
      await a.db.blobs.put({ sha256: sha, blob: new Blob([bytes], { type: 'image/png' }), type: 'image/png', size: bytes.length });
      await a.addTalk(conf.id, 'Four', 'four new on A\n', { attachments: [{ sha256: sha, name: 'p.png', type: 'image/png', size: bytes.length, caption: '' }] });
      await a.trash(t2.id);

      let cuts = 0;
      for (let cutAt = 1; cutAt < 60; cutAt++) {
        try {
          await a.sync({ remote: cutStore(a, cutAt, when) });
          break;
        } catch {
          cuts++;
        }
      }
      expect(cuts).toBeGreaterThan(5);
      for (let i = 0; i < 2; i++) {
        await b.sync();
        await a.sync();
      }
      await expectConverged([a, b], ['one a by A', 'one d by B', 'three c by B', 'four new on A'], expect);
      for (const d of [a, b]) {
        const live = await d.liveTalks();
        expect(live.filter((t) => t.conflictOf)).toEqual([]);
        expect(live.map((t) => t.title).sort()).toEqual(['Four', 'One', 'Three']);
        expect((await d.talk(t2.id))?.deletedAt).not.toBeNull();
        expect(await d.db.blobs.get(sha)).toBeDefined();
      }
      await a.close();
      await b.close();
    });
  }
});

describe('typing during sync', () => {
  it('a remote version is not applied over text typed meanwhile; the next run merges both', async () => {
    const folder = freshFolder('typing');
    const a = new Device('A', configFor(dav, folder));
    const b = new Device('B', configFor(dav, folder));
    const conf = await a.addConference();
    const t = await a.addTalk(conf.id, 'Typed', 'l1\nl2\nl3\nl4\n');
    await a.sync();
    await b.sync();
    await a.setBody(t.id, 'l1 from A\nl2\nl3\nl4\n');
    await a.sync();
    let typed = false;
    const typing: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (!typed && (init?.method ?? 'GET') === 'GET' && String(input).includes(t.id)) {
        typed = true;
        // The person types while the remote version is on its way.
        await b.setBody(t.id, 'l1\nl2\nl3\nl4 typed on B during sync\n');
      }
      return res;
    };
    const r = await b.sync({ remote: new WebDavStore(b.config, { fetch: typing }) });
    expect(typed).toBe(true);
    expect(r.deferred).toBe(1);
    expect((await b.talk(t.id))?.body).toBe('l1\nl2\nl3\nl4 typed on B during sync\n');
    await b.sync();
    await a.sync();
    for (const d of [a, b]) expect((await d.talk(t.id))?.body).toBe('l1 from A\nl2\nl3\nl4 typed on B during sync\n');
    await a.close();
    await b.close();
  });
});

describe('photos', () => {
  it('a photo whose bytes do not match its name is reported and not stored; the note still arrives', async () => {
    const folder = freshFolder('photo');
    const a = new Device('A', configFor(dav, folder));
    const b = new Device('B', configFor(dav, folder));
    const bytes = new Uint8Array(1000).fill(7);
    const sha = await sha256Hex(bytes);
    await a.db.blobs.put({ sha256: sha, blob: new Blob([bytes], { type: 'image/jpeg' }), type: 'image/jpeg', size: 1000 });
    const conf = await a.addConference();
    const t = await a.addTalk(conf.id, 'Photo', 'text\n', { attachments: [{ sha256: sha, name: 'a.jpg', type: 'image/jpeg', size: 1000, caption: '' }] });
    await a.sync();
    await dav.writeRaw(`${folder}/attachments/${sha}.jpg`, new Uint8Array(1000).fill(8));
    const r = await b.sync();
    expect(r.quarantined).toEqual([{ path: `attachments/${sha}.jpg`, reason: expect.stringMatching(/does not match/) }]);
    expect((await b.talk(t.id))?.body).toBe('text\n');
    expect(await b.db.blobs.get(sha)).toBeUndefined();
    await a.close();
    await b.close();
  });
});

describe('weak ETags', () => {
  it("with Apache's default ETags (weak for a second after a write) two quick edits still go up, with no copy", async () => {
    const weak = await startDavServer({ corsOrigin: '*', mtimeEtags: true });
    try {
      const folder = freshFolder('weak');
      const a = new Device('A', configFor(weak, folder));
      const b = new Device('B', configFor(weak, folder));
      const conf = await a.addConference();
      const t = await a.addTalk(conf.id, 'Weak', 'first\n');
      await a.sync();
      await a.setBody(t.id, 'first\nsecond\n');
      await a.sync();
      await a.setBody(t.id, 'first\nsecond\nthird\n');
      await a.sync();
      await b.sync();
      expect((await b.talk(t.id))?.body).toBe('first\nsecond\nthird\n');
      expect((await b.liveTalks()).filter((x) => x.conflictOf)).toEqual([]);
      await a.close();
      await b.close();
    } finally {
      await weak.close();
    }
  });
});
