/** What the status line shows about sync; filled by the sync controller once it has loaded, null until then. */
import type { SyncFacts } from '../sync/sync-status';
import { observable, useObservable } from './status';

export const syncFacts = observable<SyncFacts | null>(null);

/**
 * True while a sync run is under way. A run writes each record it brings in its own transaction, so a live query
 * that reads every talk (a count, a scan for conflicts) would read the whole database again after each one: such
 * screens pause it, and read once more when the run ends.
 */
export function useSyncRunning(): boolean {
  return useObservable(syncFacts, (f) => f?.phase.kind === 'running');
}
