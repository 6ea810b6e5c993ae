/** The cross-tab sync lock: two tabs of one browser share a database, so only one may sync it at a time. */

export const SYNC_LOCK = 'lectern-sync';

/**
 * Runs `fn` holding the lock and resolves true; with `wait` false, resolves false at once when another tab holds
 * it. Browsers without Web Locks (before 2022) run it directly: the tab's own single flight still holds.
 */
export async function withSyncLock(fn: () => Promise<void>, wait: boolean, locks: LockManager | undefined = globalThis.navigator?.locks): Promise<boolean> {
  if (!locks) {
    await fn();
    return true;
  }
  return locks.request(SYNC_LOCK, { ifAvailable: !wait }, async (lock) => {
    if (!lock) return false;
    await fn();
    return true;
  });
}
