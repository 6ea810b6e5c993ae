/** Conflict copies made by sync: listed for the Conflicts view, resolved by saving a merged text. */
import type { Talk } from '../model/types';
import { nowIso } from '../model/ids';
import { db } from './database';
import { trackWrite } from './pending';
import { snapshotBeforeRemoval } from './versions';

/** Live talks that are conflict copies, newest first. */
export async function listConflicts(): Promise<Talk[]> {
  const talks = await db.talks.filter((t) => t.deletedAt === null && typeof t.conflictOf === 'string').toArray();
  return talks.sort((a, b) => b.created.localeCompare(a.created));
}

/**
 * Saves the merged text into the original note (its current text kept in the history), then moves the copy to
 * the Trash; sync carries both changes to the other devices.
 */
export function resolveConflict(copyId: string, mergedBody: string): Promise<void> {
  return trackWrite(() =>
    db.transaction('rw', db.talks, db.versions, async () => {
      const copy = await db.talks.get(copyId);
      if (!copy || !copy.conflictOf) throw new Error('This conflict copy no longer exists.');
      const original = await db.talks.get(copy.conflictOf);
      if (!original) throw new Error('The note this copy conflicts with no longer exists.');
      const now = nowIso();
      await snapshotBeforeRemoval(original);
      await db.talks.put({ ...original, body: mergedBody, deletedAt: null, updated: now, localRev: original.localRev + 1 });
      await db.talks.put({ ...copy, deletedAt: now, updated: now, localRev: copy.localRev + 1 });
    }),
  );
}
