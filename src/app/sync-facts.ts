/** What the status line shows about sync; filled by the sync controller once it has loaded, null until then. */
import type { SyncFacts } from '../sync/sync-status';
import { observable } from './status';

export const syncFacts = observable<SyncFacts | null>(null);
