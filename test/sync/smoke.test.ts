// The simplest journey through the real server: a note goes over, edits on both devices come back merged.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DavServer, startDavServer } from '../helpers/apache';
import { configFor, Device, freshFolder } from '../helpers/sync-device';

let dav: DavServer;
beforeAll(async () => {
  dav = await startDavServer({ corsOrigin: '*' });
});
afterAll(async () => {
  await dav?.close();
});

it('carries a note from one device to another and merges an edit on each', async () => {
  const cfg = configFor(dav, freshFolder());
  const a = new Device('A', cfg);
  const b = new Device('B', cfg);
  const conf = await a.addConference();
  const t = await a.addTalk(conf.id, 'Offline first', 'line one\nline two\n');
  expect(await a.sync()).toMatchObject({ uploaded: 2, conflicts: 0 });
  expect(await b.sync()).toMatchObject({ downloaded: 2, uploaded: 0 });
  expect((await b.talk(t.id))?.body).toBe('line one\nline two\n');
  expect((await b.db.conferences.get(conf.id))?.name).toBe('DevConf');
  await b.setBody(t.id, 'line one\nline two\nline three from B\n');
  await a.setBody(t.id, 'line zero from A\nline one\nline two\n');
  await b.sync();
  expect(await a.sync()).toMatchObject({ merged: 1, conflicts: 0 });
  await b.sync();
  const merged = 'line zero from A\nline one\nline two\nline three from B\n';
  expect((await a.talk(t.id))?.body).toBe(merged);
  expect((await b.talk(t.id))?.body).toBe(merged);
  // Nothing left to do on either side: a further run writes nothing.
  expect(await a.sync()).toMatchObject({ uploaded: 0, downloaded: 0, merged: 0 });
  expect(await b.sync()).toMatchObject({ uploaded: 0, downloaded: 0, merged: 0 });
  expect((await dav.readRaw(`${cfg.folder}/talks/${t.id}.md`))?.toString()).toContain(merged);
  await a.close();
  await b.close();
});
