/** One line on every screen saying where sync stands; it leads to the Sync settings, and to conflicts when there are any. */
import type { JSX } from 'preact';
import { describeSyncStatus } from '../sync/sync-status';
import { routes } from './routes';
import { useObservable } from './status';
import { syncFacts } from './sync-facts';
import { useClock } from './use-clock';

export function SyncStatusLine(): JSX.Element | null {
  const facts = useObservable(syncFacts);
  const now = useClock(30_000);
  if (!facts?.configured) return null;
  const view = describeSyncStatus(facts, new Date(now));
  // Progress counts change many times a second on a first sync: a screen reader hears the state, not each count.
  const spoken = view.state === 'syncing' ? 'Syncing' : view.text;
  return (
    <section class={`sync-line sync-line--${view.state}`} aria-label="Sync status" data-testid="sync-status">
      <a class="sync-line__main" href={`${routes.settings}#sync`}>
        <span class="sync-line__text" aria-hidden="true">
          {view.text}
        </span>
        <span class="visually-hidden" role="status">
          {`Sync: ${spoken}`}
        </span>
        <span class="sync-line__detail">{view.detail}</span>
      </a>
      {view.conflicts && (
        <a class="sync-line__conflicts" href={routes.conflicts}>
          {view.conflicts}
        </a>
      )}
    </section>
  );
}
