/**
 * Stores the data set in the app's own database, from the page: after the app has opened (and so created) 'lectern',
 * a second connection bulk-writes records of the shapes in src/model/types.ts. Seeding through the UI would take hours.
 */
import type { Page } from 'playwright-core';
import type { Conference, Talk } from '../src/model/types';
import type { DataSet } from './data';

const CHUNK = 2_000;

async function write(page: Page, conferences: Conference[], talks: Talk[]): Promise<void> {
  await page.evaluate(
    async ({ conferences, talks }) => {
      const db = await new Promise<IDBDatabase>((ok, ko) => {
        const req = indexedDB.open('lectern');
        req.onsuccess = () => ok(req.result);
        req.onerror = () => ko(req.error);
      });
      try {
        await new Promise<void>((ok, ko) => {
          const tx = db.transaction(['conferences', 'talks'], 'readwrite', { durability: 'relaxed' });
          for (const c of conferences) tx.objectStore('conferences').put(c);
          for (const t of talks) tx.objectStore('talks').put(t);
          tx.oncomplete = () => ok();
          tx.onabort = () => ko(tx.error ?? new Error('seeding transaction aborted'));
        });
      } finally {
        db.close();
      }
    },
    { conferences, talks },
  );
}

/** One talk's record as stored in the page's 'lectern' database, read with IndexedDB itself. */
export function readTalk(page: Page, id: string): Promise<Record<string, unknown> | undefined> {
  return page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((ok, ko) => {
      const req = indexedDB.open('lectern');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => ko(req.error);
    });
    try {
      return await new Promise<Record<string, unknown> | undefined>((ok, ko) => {
        const r = db.transaction('talks', 'readonly').objectStore('talks').get(id);
        r.onsuccess = () => ok(r.result as Record<string, unknown> | undefined);
        r.onerror = () => ko(r.error);
      });
    } finally {
      db.close();
    }
  }, id);
}

/** Counts what the database holds, to check the seeding landed. */
export function countStored(page: Page): Promise<{ conferences: number; talks: number }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, ko) => {
      const req = indexedDB.open('lectern');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => ko(req.error);
    });
    try {
      const tx = db.transaction(['conferences', 'talks'], 'readonly');
      const count = (store: string): Promise<number> =>
        new Promise((ok, ko) => {
          const r = tx.objectStore(store).count();
          r.onsuccess = () => ok(r.result);
          r.onerror = () => ko(r.error);
        });
      return { conferences: await count('conferences'), talks: await count('talks') };
    } finally {
      db.close();
    }
  });
}

/** Waits until the app has opened (and so created) its database with the stores the bench writes to. */
export async function waitForAppDatabase(page: Page, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let stores: string[] = [];
  while (Date.now() < until) {
    stores = await page.evaluate(async () => {
      const dbs = await indexedDB.databases();
      if (!dbs.some((d) => d.name === 'lectern' && (d.version ?? 0) > 0)) return [];
      const db = await new Promise<IDBDatabase>((ok, ko) => {
        const req = indexedDB.open('lectern');
        req.onsuccess = () => ok(req.result);
        req.onerror = () => ko(req.error);
      });
      const names = Array.from(db.objectStoreNames);
      db.close();
      return names;
    });
    if (stores.includes('conferences') && stores.includes('talks')) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`The app did not create its 'lectern' database with 'conferences' and 'talks' stores (stores: ${stores.join(', ') || 'none'})`);
}

/** Adds these records to the page's 'lectern' database (which the app must have created), in chunks. */
export async function storeRecords(page: Page, conferences: Conference[], talks: Talk[]): Promise<void> {
  await waitForAppDatabase(page);
  if (conferences.length) await write(page, conferences, []);
  for (let i = 0; i < talks.length; i += CHUNK) await write(page, [], talks.slice(i, i + CHUNK));
}

/** Writes the whole data set into the page's 'lectern' database (which the app must have created), then checks the counts. */
export async function seed(page: Page, data: DataSet): Promise<void> {
  await storeRecords(page, data.conferences, data.talks);
  const n = await countStored(page);
  if (n.conferences !== data.conferences.length || n.talks !== data.talks.length)
    throw new Error(`Seeding stored ${n.conferences} conferences and ${n.talks} talks, expected ${data.conferences.length} and ${data.talks.length}`);
}
