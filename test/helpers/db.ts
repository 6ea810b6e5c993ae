/** Empties every table of the app's database between tests. */
import { db } from '../../src/db/database';

export async function resetDb(): Promise<void> {
  await db.open();
  await db.transaction('rw', db.tables, () => Promise.all(db.tables.map((t) => t.clear())));
}
