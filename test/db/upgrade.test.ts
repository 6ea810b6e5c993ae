// A database written by each earlier schema version opens in the current one with every record intact.
// The fixture is loaded with the schema it was written under (kept in the fixture itself), never the current one.
import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { beforeAll, describe, expect, it } from 'vitest';
import { getPhotoBlob } from '../../src/db/attachments';
import { DB_NAME, db } from '../../src/db/database';
import { getSettings } from '../../src/db/settings';
import { getTalk, listTalks, saveTalkBody } from '../../src/db/talks';
import { listVersions } from '../../src/db/versions';

interface Fixture {
  schemaVersion: number;
  stores: Record<string, string>;
  tables: Record<string, Array<Record<string, unknown>>>;
}

const FIXTURES = ['lectern-v1.json'];

const load = (name: string): Fixture =>
  JSON.parse(readFileSync(new URL(`../fixtures/database/${name}`, import.meta.url), 'utf8')) as Fixture;

/** Blobs are kept as base64 in JSON; in the database they are Blobs. */
function revive(record: Record<string, unknown>): Record<string, unknown> {
  const blob = record.blob as { base64: string; type: string } | undefined;
  return blob ? { ...record, blob: new Blob([Buffer.from(blob.base64, 'base64')], { type: blob.type }) } : record;
}

/** Writes the fixture's records under its own schema version, as that version of Lectern left them. */
async function writeAsOldVersion(f: Fixture): Promise<void> {
  db.close();
  await Dexie.delete(DB_NAME);
  const old = new Dexie(DB_NAME);
  old.version(f.schemaVersion).stores(f.stores);
  await old.open();
  for (const [table, rows] of Object.entries(f.tables)) await old.table(table).bulkAdd(rows.map(revive));
  old.close();
}

const USER_DATA = ['conferences', 'talks', 'blobs', 'versions'];

describe.each(FIXTURES)('a database written by %s', (name) => {
  const fixture = load(name);

  beforeAll(async () => {
    await writeAsOldVersion(fixture);
    await db.open();
  });

  it('opens at the current schema version', () => {
    expect(db.verno).toBeGreaterThanOrEqual(fixture.schemaVersion);
    expect(db.isOpen()).toBe(true);
  });

  it.each(Object.keys(fixture.tables))('keeps every %s record, field by field', async (table) => {
    const rows = fixture.tables[table]!;
    const primaryKey = db.table(table).schema.primKey.keyPath as string;
    for (const row of rows) {
      const stored = (await db.table(table).get(row[primaryKey] as string)) as Record<string, unknown> | undefined;
      expect(stored, `${table} ${String(row[primaryKey])}`).toBeDefined();
      if (table === 'blobs') {
        const { blob, ...rest } = row as { blob: { base64: string; type: string } };
        expect(stored).toMatchObject(rest);
        const bytes = Buffer.from(await (stored!.blob as Blob).arrayBuffer()).toString('base64');
        expect(bytes).toBe(blob.base64);
      } else {
        // Later versions may add fields; none written before may change.
        expect(stored).toMatchObject(row);
      }
    }
    if (USER_DATA.includes(table)) await expect(db.table(table).count()).resolves.toBe(rows.length);
  });

  it('shows the old records through the app’s own functions, and takes new writes', async () => {
    const talk = fixture.tables.talks!.find((t) => t.id === 't-1')!;
    await expect(getTalk('t-1')).resolves.toMatchObject({ body: talk.body, attachments: talk.attachments });
    expect((await listTalks('c-1')).map((t) => t.id)).toEqual(['t-1']);
    expect((await listVersions('t-1')).map((v) => v.id)).toEqual(['v-2', 'v-1']);
    await expect(getSettings()).resolves.toMatchObject({ initials: 'AR', theme: 'dark', lastBackup: '2026-01-30T21:00:00.000Z' });
    const sha = (talk.attachments as Array<{ sha256: string }>)[0]!.sha256;
    await expect(getPhotoBlob(sha).then((b) => b?.text())).resolves.toBe('test');

    await saveTalkBody('t-1', `${talk.body as string}- written after the upgrade\n`);
    await expect(getTalk('t-1')).resolves.toMatchObject({ localRev: (talk.localRev as number) + 1 });
  });
});
