/** When notes were written, read from talk updates and history snapshots, for the backup nudge. */
import { db } from './database';

/**
 * Instants (ISO 8601) after `since` ('' for all time) at which a note was written, newest first. Both sources are
 * read newest first through their indexes, and reading stops once `enough` says the instants found so far decide the
 * answer: with many notes and no backup, the home screen then reads a few records instead of every talk.
 */
export async function noteWriteTimes(since: string, enough: (times: readonly string[]) => boolean = () => false): Promise<string[]> {
  const times: string[] = [];
  // Asked when the count reaches 1, 2, 4, 8…: a few extra records read at most, and no quadratic re-checking.
  let askAt = 1;
  let done = false;
  const add = (time: string): boolean => {
    times.push(time);
    if (times.length < askAt) return false;
    askAt *= 2;
    done = enough(times);
    return done;
  };
  await db.talks
    .where('updated')
    .above(since)
    .reverse()
    .until((t) => t.deletedAt === null && t.body.trim() !== '' && add(t.updated), true)
    .each(() => undefined);
  if (!done)
    await db.versions
      .where('created')
      .above(since)
      .reverse()
      .until((v) => v.table === 'talks' && add(v.created), true)
      .each(() => undefined);
  return times;
}
