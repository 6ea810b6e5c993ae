/** A stamp that changes whenever a conference or talk is saved, read through the `updated` indexes only. */
import { db } from './database';

/** Cheap to re-run on every save: two index reads, no record bodies. */
export async function latestEditStamp(): Promise<string> {
  const [talk, conference] = await Promise.all([
    db.talks.orderBy('updated').reverse().limit(1).keys(),
    db.conferences.orderBy('updated').reverse().limit(1).keys(),
  ]);
  return `${String(talk[0] ?? '')}|${String(conference[0] ?? '')}`;
}
