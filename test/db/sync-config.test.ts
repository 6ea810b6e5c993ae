// The sync connection stays on this device: saved in settings, never in a backup; forgetting it keeps every note.
import { beforeEach, expect, it } from 'vitest';
import { backupEntries } from '../../src/backup/format';
import { collectBackup } from '../../src/db/backup';
import { db } from '../../src/db/database';
import { forgetSyncConfig, loadSyncConfig, saveSyncConfig } from '../../src/db/sync-config';
import { countPendingChanges, lastSyncRun } from '../../src/db/sync-state';
import { listConflicts, resolveConflict } from '../../src/db/conflicts';
import { createConference } from '../../src/db/conferences';
import { createTalk, saveTalkBody } from '../../src/db/talks';
import { resetDb } from '../helpers/db';

const config = { serverUrl: 'https://cloud.example.org/dav', folder: 'Lectern', username: 'alice', password: 'app-pass-1234' };

beforeEach(resetDb);

it('saves, loads and forgets the connection; a backup never holds it', async () => {
  expect(await loadSyncConfig()).toBeNull();
  await saveSyncConfig({ ...config, serverUrl: ' https://cloud.example.org/dav ' });
  expect(await loadSyncConfig()).toEqual(config);
  const backup = await collectBackup('test');
  expect(backup.settings.map((s) => s.key)).not.toContain('syncConfig');
  const manifest = new TextDecoder().decode(backupEntries(backup).find((e) => e.name === 'backup.json')!.data);
  expect(manifest).not.toContain('app-pass-1234');
  expect(manifest).not.toContain('cloud.example.org');

  const conf = await createConference({ name: 'C', place: '', timeZone: 'UTC', startDate: '2026-01-01', endDate: '2026-01-01', url: '' });
  await createTalk(conf, { title: 'T', speakers: [], day: '', starts: null, ends: null, room: '', track: '', links: [], tags: [] });
  await db.syncBase.put({ id: 'x', storeId: 's', table: 'talks', deleted: false, etag: '"e"', text: 't', contentHash: 'h', vv: {}, localRev: 1, attachments: [], tombEtag: null, history: [] });
  await forgetSyncConfig();
  expect(await loadSyncConfig()).toBeNull();
  expect(await db.syncBase.count()).toBe(0);
  expect(await db.talks.count()).toBe(1);
  expect(await db.conferences.count()).toBe(1);
});

it('counts changes waiting to sync from the tables alone, and reports no run before the first', async () => {
  expect(await lastSyncRun()).toBeNull();
  const conf = await createConference({ name: 'C', place: '', timeZone: 'UTC', startDate: '2026-01-01', endDate: '2026-01-01', url: '' });
  const t = await createTalk(conf, { title: 'T', speakers: [], day: '', starts: null, ends: null, room: '', track: '', links: [], tags: [] });
  expect(await countPendingChanges()).toBe(2);
  const talk = (await db.talks.get(t))!;
  await db.syncBase.put({ id: t, storeId: 's', table: 'talks', deleted: false, etag: '"e"', text: '', contentHash: 'h', vv: {}, localRev: talk.localRev, attachments: [], tombEtag: null, history: [] });
  expect(await countPendingChanges()).toBe(1);
  await saveTalkBody(t, 'typed');
  expect(await countPendingChanges()).toBe(2);
});

it('resolves a conflict copy: merged text into the note, the copy to the Trash', async () => {
  const conf = await createConference({ name: 'C', place: '', timeZone: 'UTC', startDate: '2026-01-01', endDate: '2026-01-01', url: '' });
  const t = await createTalk(conf, { title: 'T', speakers: [], day: '', starts: null, ends: null, room: '', track: '', links: [], tags: [] });
  await saveTalkBody(t, 'remote line');
  const original = (await db.talks.get(t))!;
  await db.talks.add({ ...original, id: 'copy-1', body: 'my line', conflictOf: t, conflictFrom: 'Firefox on Android', localRev: 1 });
  expect((await listConflicts()).map((c) => c.id)).toEqual(['copy-1']);
  await resolveConflict('copy-1', 'remote line\nmy line');
  expect((await db.talks.get(t))?.body).toBe('remote line\nmy line');
  expect((await db.talks.get('copy-1'))?.deletedAt).not.toBeNull();
  expect(await listConflicts()).toEqual([]);
});
