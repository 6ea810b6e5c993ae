// Opening a database written by schema version 1 (before sync) with the current schema keeps every record.
import Dexie from 'dexie';
import { expect, it } from 'vitest';
import { LecternDb } from '../../src/db/database';
import { newConference, newTalk } from '../../src/model/records';

it('opens a version-1 database with every record intact and the sync tables empty', async () => {
  const name = 'lectern-v1-' + Math.random().toString(36).slice(2);
  const v1 = new Dexie(name);
  v1.version(1).stores({
    conferences: 'id, startDate, updated, deletedAt',
    talks: 'id, conferenceId, [conferenceId+day], updated, deletedAt',
    blobs: 'sha256',
    versions: 'id, recordId, created',
    settings: 'key',
  });
  const conf = newConference({ name: 'Old', place: 'Lyon', timeZone: 'Europe/Paris', startDate: '2025-03-01', endDate: '2025-03-02', url: '' });
  const talk = { ...newTalk(conf.id, 'talk', { title: 'Kept', body: 'every\nline\n', day: '2025-03-01' }), localRev: 7 };
  const trashed = { ...newTalk(conf.id, 'note', { title: 'Binned' }), deletedAt: '2025-03-02T10:00:00.000Z' };
  await v1.table('conferences').add(conf);
  await v1.table('talks').bulkAdd([talk, trashed]);
  await v1.table('blobs').add({ sha256: 'a'.repeat(64), blob: new Blob(['x']), type: 'image/jpeg', size: 1 });
  await v1.table('versions').add({ id: 'v1', recordId: talk.id, table: 'talks', created: '2025-03-01T10:00:00.000Z', reason: 'edit', record: talk });
  await v1.table('settings').bulkAdd([{ key: 'initials', value: 'CSB' }, { key: 'theme', value: 'dark' }]);
  v1.close();

  const db = new LecternDb(name);
  await db.open();
  expect(db.verno).toBe(2);
  expect(await db.conferences.toArray()).toEqual([conf]);
  expect(await db.talks.get(talk.id)).toEqual(talk);
  expect(await db.talks.get(trashed.id)).toEqual(trashed);
  expect(await db.talks.where('conferenceId').equals(conf.id).count()).toBe(2);
  expect(await db.talks.where('deletedAt').above('').count()).toBe(1);
  expect(await db.blobs.count()).toBe(1);
  expect((await db.versions.get('v1'))?.record).toEqual(talk);
  expect(await db.settings.toArray()).toEqual([{ key: 'initials', value: 'CSB' }, { key: 'theme', value: 'dark' }]);
  expect(await db.syncBase.count()).toBe(0);
  expect(await db.syncDevice.count()).toBe(0);
  expect(await db.syncRuns.count()).toBe(0);
  db.close();
  await Dexie.delete(name);
});
