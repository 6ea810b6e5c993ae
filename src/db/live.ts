/** Preact binding for Dexie live queries: components re-render when the data they read changes. */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

export type LiveResult<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: unknown };

/**
 * Subscribes to a query over the database; re-runs it when any table it read changes, in this tab or another.
 * When `deps` change the result goes back to loading, unless `keepWhileRerun` is set: then what is shown stays
 * until the new result is ready (for inputs such as the clock, where the previous answer is still right enough).
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[], keepWhileRerun = false): LiveResult<T> {
  const [result, setResult] = useState<LiveResult<T>>({ status: 'loading' });
  useEffect(() => {
    if (!keepWhileRerun) setResult({ status: 'loading' });
    const sub = liveQuery(query).subscribe({
      next: (value) => setResult({ status: 'ready', value }),
      error: (error: unknown) => setResult({ status: 'error', error }),
    });
    return () => sub.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return result;
}

/** Follows a query outside a component (e.g. background sync): `onValue` on every change; returns the unsubscribe. */
export function subscribeLive<T>(query: () => Promise<T>, onValue: (value: T) => void, onError: (error: unknown) => void): () => void {
  const sub = liveQuery(query).subscribe({ next: onValue, error: onError });
  return () => sub.unsubscribe();
}
