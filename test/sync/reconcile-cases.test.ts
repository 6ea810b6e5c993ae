// Every case of the reconcile table (docs/SYNC-PROTOCOL.md), played by simulated devices through the real server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DavServer, startDavServer } from '../helpers/apache';
import { configFor, Device, freshFolder } from '../helpers/sync-device';
import { sha256Hex } from '../../src/sync/hash';
import { countPendingChanges, lastSyncRun } from '../../src/db/sync-state';

let dav: DavServer;
const devices: Device[] = [];
beforeAll(async () => {
  dav = await startDavServer({ corsOrigin: '*' });
});
afterAll(async () => {
  for (const d of devices) await d.close();
  await dav?.close();
});

/** Two (or three) devices on a fresh folder, sharing one conference and one talk. */
async function setup(body = 'alpha\nbeta\ngamma\n', n = 2): Promise<{ devs: Device[]; talkId: string; folder: string }> {
  const folder = freshFolder();
  const cfg = configFor(dav, folder);
  const devs = Array.from({ length: n }, (_, i) => new Device('ABC'[i]!, cfg));
  devices.push(...devs);
  const conf = await devs[0]!.addConference();
  const talk = await devs[0]!.addTalk(conf.id, 'Talk', body);
  for (const d of devs) await d.sync();
  return { devs, talkId: talk.id, folder };
}

const remoteText = async (folder: string, path: string): Promise<string | undefined> => (await dav.readRaw(`${folder}/${path}`))?.toString();

describe('reconcile table', () => {
  it('A: nothing changed: a run reads the listings and writes nothing', async () => {
    const { devs } = await setup();
    const before = (await dav.accessLog()).length;
    expect(await devs[0]!.sync()).toMatchObject({ uploaded: 0, downloaded: 0 });
    const lines = (await dav.accessLog()).slice(before);
    expect(lines.filter((l) => /"(PUT|DELETE|MKCOL)/.test(l))).toEqual([]);
  });

  it('B: a local edit is uploaded; C: the other device takes it', async () => {
    const { devs, talkId, folder } = await setup();
    const [a, b] = devs as [Device, Device];
    await a.setBody(talkId, 'alpha\nbeta edited\ngamma\n');
    expect(await countPendingChanges(a.db)).toBe(1);
    expect(await a.sync()).toMatchObject({ uploaded: 1 });
    expect(await countPendingChanges(a.db)).toBe(0);
    expect(await remoteText(folder, `talks/${talkId}.md`)).toContain('beta edited');
    expect(await b.sync()).toMatchObject({ downloaded: 1 });
    expect((await b.talk(talkId))?.body).toBe('alpha\nbeta edited\ngamma\n');
    expect(await lastSyncRun(b.db)).toMatchObject({ ok: true });
  });

  it('D: edits to different lines merge; the same line on both makes a conflict copy, no markers', async () => {
    const { devs, talkId } = await setup();
    const [a, b] = devs as [Device, Device];
    await a.setBody(talkId, 'alpha from A\nbeta\ngamma\n');
    await b.setBody(talkId, 'alpha\nbeta\ngamma from B\n');
    await a.sync();
    expect(await b.sync()).toMatchObject({ merged: 1, conflicts: 0 });
    await a.sync();
    for (const d of [a, b]) expect((await d.talk(talkId))?.body).toBe('alpha from A\nbeta\ngamma from B\n');

    await a.setBody(talkId, 'alpha from A\nbeta by A\ngamma from B\n');
    await b.setBody(talkId, 'alpha from A\nbeta by B\ngamma from B\n');
    await a.sync();
    expect(await b.sync()).toMatchObject({ conflicts: 1 });
    await a.sync();
    await b.sync();
    for (const d of [a, b]) {
      const live = await d.liveTalks();
      const main = live.find((t) => t.id === talkId)!;
      const copy = live.find((t) => t.conflictOf === talkId)!;
      // The remote (first uploaded) text stays the note; B's text is the copy, on both devices.
      expect(main.body).toBe('alpha from A\nbeta by A\ngamma from B\n');
      expect(copy.body).toBe('alpha from A\nbeta by B\ngamma from B\n');
      expect(copy.conflictFrom).toBe('B');
      expect(live.some((t) => /<<<<<<<|>>>>>>>/.test(t.body))).toBe(false);
    }
    // The replaced text is also in B's history.
    expect((await b.db.versions.where('recordId').equals(talkId).toArray()).some((v) => v.reason === 'sync')).toBe(true);
  });

  it('D: the same edit on both devices needs no copy', async () => {
    const { devs, talkId } = await setup();
    const [a, b] = devs as [Device, Device];
    await a.setBody(talkId, 'same\n');
    await b.setBody(talkId, 'same\n');
    await a.sync();
    expect(await b.sync()).toMatchObject({ conflicts: 0 });
    expect((await b.liveTalks()).length).toBe(1);
  });

  it('E: a delete goes over as a tombstone and the other device moves the note to its Trash (G)', async () => {
    const { devs, talkId, folder } = await setup();
    const [a, b] = devs as [Device, Device];
    await a.trash(talkId);
    expect(await countPendingChanges(a.db)).toBe(1);
    await a.sync();
    expect(await remoteText(folder, `talks/${talkId}.md`)).toBeUndefined();
    expect(JSON.parse((await remoteText(folder, `tombstones/${talkId}.json`))!)).toMatchObject({ id: talkId, type: 'tombstone', table: 'talks' });
    await b.sync();
    expect((await b.talk(talkId))?.deletedAt).not.toBeNull();
    expect((await b.talk(talkId))?.body).toBe('alpha\nbeta\ngamma\n');
  });

  it('F: delete on one device, edit on the other: the edit survives everywhere', async () => {
    const { devs, talkId } = await setup();
    const [a, b] = devs as [Device, Device];
    await b.setBody(talkId, 'alpha\nbeta\ngamma\nkept by B\n');
    await b.sync();
    await a.trash(talkId);
    await a.sync();
    for (const d of [a, b]) {
      await d.sync();
      expect((await d.talk(talkId))).toMatchObject({ deletedAt: null, body: 'alpha\nbeta\ngamma\nkept by B\n' });
    }
  });

  it("G': delete first, then an offline edit elsewhere: the edit comes back and the tombstone goes", async () => {
    const { devs, talkId, folder } = await setup();
    const [a, b] = devs as [Device, Device];
    await a.trash(talkId);
    await a.sync();
    await b.setBody(talkId, 'alpha\nbeta\ngamma\noffline line\n');
    await b.sync();
    expect(await remoteText(folder, `tombstones/${talkId}.json`)).toBeUndefined();
    await a.sync();
    expect(await a.talk(talkId)).toMatchObject({ deletedAt: null, body: 'alpha\nbeta\ngamma\noffline line\n' });
  });

  it("G': a note restored from the Trash after its delete synced comes back on every device", async () => {
    const { devs, talkId } = await setup();
    const [a, b] = devs as [Device, Device];
    await a.trash(talkId);
    await a.sync();
    await b.sync();
    await b.restore(talkId);
    await b.sync();
    await a.sync();
    expect((await a.talk(talkId))?.deletedAt).toBeNull();
  });

  it('H: a file that vanished without a tombstone is not a deletion: it is uploaded again', async () => {
    const { devs, talkId, folder } = await setup();
    await dav.removeRaw(`${folder}/talks/${talkId}.md`);
    await devs[1]!.sync();
    expect(await remoteText(folder, `talks/${talkId}.md`)).toContain('alpha');
    expect((await devs[0]!.talk(talkId))?.deletedAt).toBeNull();
  });

  it('I: a new note on one device appears on the other, with its photo verified by hash', async () => {
    const { devs, folder } = await setup();
    const [a, b] = devs as [Device, Device];
    const bytes = new Uint8Array(3000).map((_, i) => (i * 7) % 256);
    const sha = await sha256Hex(bytes);
    await a.db.blobs.put({ sha256: sha, blob: new Blob([bytes], { type: 'image/jpeg' }), type: 'image/jpeg', size: bytes.length });
    const conf = (await a.db.conferences.toArray())[0]!;
    const t = await a.addTalk(conf.id, 'With photo', `![slide](attachment:${sha})\n`, {
      attachments: [{ sha256: sha, name: 'slide.jpg', type: 'image/jpeg', size: bytes.length, caption: 'the slide' }],
    });
    await a.sync();
    expect((await dav.readRaw(`${folder}/attachments/${sha}.jpg`))?.length).toBe(3000);
    await b.sync();
    expect((await b.talk(t.id))?.attachments[0]?.caption).toBe('the slide');
    const blob = await b.db.blobs.get(sha);
    expect(new Uint8Array(await blob!.blob.arrayBuffer())).toEqual(bytes);
  });

  it('J: a delete cut off after the tombstone is finished; a file newer than its tombstone lifts it', async () => {
    const { devs, talkId, folder } = await setup();
    const [a, b] = devs as [Device, Device];
    // Cut off between the tombstone and the file's DELETE: put the file back as it was.
    const file = (await dav.readRaw(`${folder}/talks/${talkId}.md`))!;
    await a.trash(talkId);
    await a.sync();
    await dav.writeRaw(`${folder}/talks/${talkId}.md`, file);
    await b.sync();
    expect(await remoteText(folder, `talks/${talkId}.md`)).toBeUndefined();
    expect((await b.talk(talkId))?.deletedAt).not.toBeNull();

    // Brought back by hand with other content: the file wins over the tombstone.
    const other = await setup('one\n');
    await other.devs[0]!.trash(other.talkId);
    await other.devs[0]!.sync();
    const text = file.toString().replace(/id: .*/, `id: ${other.talkId}`).replace(/\nalpha[\s\S]*$/, '\nwritten back by hand\n');
    await dav.writeRaw(`${other.folder}/talks/${other.talkId}.md`, text);
    await other.devs[1]!.sync();
    expect(await remoteText(other.folder, `tombstones/${other.talkId}.json`)).toBeUndefined();
    expect((await other.devs[1]!.talk(other.talkId))?.body).toBe('written back by hand\n');
  });

  it('three devices converge on the same notes', async () => {
    const { devs, talkId } = await setup('one\ntwo\nthree\nfour\nfive\n', 3);
    const [a, b, c] = devs as [Device, Device, Device];
    await a.setBody(talkId, 'one A\ntwo\nthree\nfour\nfive\n');
    await b.setBody(talkId, 'one\ntwo\nthree B\nfour\nfive\n');
    await c.setBody(talkId, 'one\ntwo\nthree\nfour\nfive C\n');
    for (let i = 0; i < 2; i++) for (const d of devs) await d.sync();
    for (const d of devs) expect((await d.talk(talkId))?.body).toBe('one A\ntwo\nthree B\nfour\nfive C\n');
  });
});

describe('first sync and folder identity', () => {
  it('a device with its own notes joins a folder that has notes: both sets end up on both', async () => {
    const folder = freshFolder();
    const a = new Device('A', configFor(dav, folder));
    const b = new Device('B', configFor(dav, folder));
    devices.push(a, b);
    const ca = await a.addConference('A conf');
    const ta = await a.addTalk(ca.id, 'From A', 'a\n');
    const cb = await b.addConference('B conf');
    const tb = await b.addTalk(cb.id, 'From B', 'b\n');
    await a.sync();
    expect(await b.sync()).toMatchObject({ uploaded: 2, downloaded: 2 });
    await a.sync();
    for (const d of [a, b]) expect((await d.liveTalks()).map((t) => t.id).sort()).toEqual([ta.id, tb.id].sort());
  });

  it('a folder swapped for another library stops with other-folder and changes nothing until told to merge', async () => {
    const { devs, folder } = await setup();
    const [a] = devs as [Device];
    const other = new Device('X', configFor(dav, freshFolder()));
    devices.push(other);
    const oc = await other.addConference('Other');
    await other.addTalk(oc.id, 'Other talk', 'x\n');
    await other.sync();
    const before = await a.contentView();
    a.config = other.config;
    await expect(a.sync()).rejects.toMatchObject({ name: 'SyncStop', reason: 'other-folder' });
    expect(await a.contentView()).toEqual(before);
    expect(await lastSyncRun(a.db)).toMatchObject({ ok: false });
    await a.sync({ resolution: 'merge-into' });
    expect((await a.liveTalks()).length).toBe(2);
    void folder;
  });

  it('an emptied folder stops with remote-lost, deletes nothing here, and uploads everything when told to', async () => {
    const { devs, folder, talkId } = await setup();
    const [a] = devs as [Device];
    await dav.removeRaw(folder);
    await dav.writeRaw(`${folder}/.keep`, '');
    await expect(a.sync()).rejects.toMatchObject({ reason: 'remote-lost' });
    expect((await a.talk(talkId))?.deletedAt).toBeNull();
    await a.sync({ resolution: 'upload-here' });
    expect(await remoteText(folder, `talks/${talkId}.md`)).toContain('alpha');
  });

  it('a folder that lost most of its files (lectern.json kept) stops with remote-lost', async () => {
    const folder = freshFolder();
    const a = new Device('A', configFor(dav, folder));
    devices.push(a);
    const c = await a.addConference();
    for (let i = 0; i < 10; i++) await a.addTalk(c.id, `T${i}`, `note ${i}\n`);
    await a.sync();
    await dav.removeRaw(`${folder}/talks`);
    await expect(a.sync()).rejects.toMatchObject({ reason: 'remote-lost' });
    expect((await a.liveTalks()).length).toBe(10);
    await a.sync({ resolution: 'upload-here' });
    expect((await dav.readRaw(`${folder}/talks/${(await a.liveTalks())[0]!.id}.md`))).not.toBeNull();
  });

  it('a folder written by a newer Lectern stops with newer-format', async () => {
    const folder = freshFolder();
    await dav.writeRaw(`${folder}/lectern.json`, JSON.stringify({ format: 3, minReaderFormat: 2, storeId: 'future' }));
    const a = new Device('A', configFor(dav, folder));
    devices.push(a);
    await expect(a.sync()).rejects.toMatchObject({ reason: 'newer-format' });
  });
});
