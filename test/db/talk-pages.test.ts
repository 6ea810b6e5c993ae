// The search workers' reader: pages of talks in one range of ids, read with IndexedDB itself.
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../src/db/database';
import { readTalkPage } from '../../src/db/talk-pages';
import { resetDb } from '../helpers/db';
import { talk } from '../helpers/factories';

beforeEach(resetDb);

const ids = (talks: { id: string }[]): string[] => talks.map((t) => t.id);

describe('readTalkPage', () => {
  it('reads the talks of a range in id order, from its start or after an id, a page at a time', async () => {
    await db.talks.bulkAdd(['05', '3a', '7f', '8', '80', 'c4', 'ff'].map((id) => talk({ id })));
    expect(ids(await readTalkPage({ from: '', below: '8' }, null, 10))).toEqual(['05', '3a', '7f']);
    expect(ids(await readTalkPage({ from: '8', below: null }, null, 10))).toEqual(['8', '80', 'c4', 'ff']);
    expect(ids(await readTalkPage({ from: '8', below: null }, null, 2))).toEqual(['8', '80']);
    expect(ids(await readTalkPage({ from: '8', below: null }, '80', 2))).toEqual(['c4', 'ff']);
    expect(ids(await readTalkPage({ from: '', below: '8' }, '7f', 10))).toEqual([]);
    expect(ids(await readTalkPage({ from: '', below: null }, null, 100))).toHaveLength(7);
  });

  it('returns whole stored records, trashed ones too', async () => {
    const stored = talk({ id: 'a1', title: 'Kept whole', deletedAt: '2026-01-01T00:00:00.000Z' });
    await db.talks.add(stored);
    expect(await readTalkPage({ from: '', below: null }, null, 10)).toEqual([stored]);
  });

  it('lets the database be deleted and made again, and reads the new one', async () => {
    await db.talks.add(talk({ id: 'old' }));
    expect(ids(await readTalkPage({ from: '', below: null }, null, 10))).toEqual(['old']);
    // Its connection would block the delete if it held on.
    await db.delete();
    await db.open();
    await db.talks.add(talk({ id: 'new' }));
    expect(ids(await readTalkPage({ from: '', below: null }, null, 10))).toEqual(['new']);
  });

  it('creates no database when there is none, and says it could not open it', async () => {
    await db.delete();
    await expect(readTalkPage({ from: '', below: null }, null, 10)).rejects.toThrow(/could not be opened/);
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain('lectern');
    // The app then makes it with its schema as usual.
    await db.open();
    expect(db.tables.map((t) => t.name)).toContain('talks');
  });
});
