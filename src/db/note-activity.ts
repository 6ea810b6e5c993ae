/** When notes were written, read from talk updates and history snapshots, for the backup nudge. */
import { db } from './database';

/** Instants (ISO 8601) after `since` ('' for all time) at which a note was written. */
export async function noteWriteTimes(since: string): Promise<string[]> {
  // Both are indexed: only records changed after the last backup are read.
  const [talks, versions] = await Promise.all([
    db.talks.where('updated').above(since).toArray(),
    db.versions.where('created').above(since).toArray(),
  ]);
  return [
    ...talks.filter((t) => t.deletedAt === null && t.body.trim() !== '').map((t) => t.updated),
    ...versions.filter((v) => v.table === 'talks').map((v) => v.created),
  ];
}
