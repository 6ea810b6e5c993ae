/** Preact binding for Dexie live queries: components re-render when the data they read changes. */
import { liveQuery } from 'dexie';
import { useEffect, useRef, useState } from 'preact/hooks';

export type LiveResult<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: unknown };

/** How a live query behaves besides following the database. */
export interface LiveOptions<T = unknown> {
  /**
   * When `deps` change, what is shown stays until the new result is ready, instead of going back to loading
   * (for inputs such as the clock, where the previous answer is still right enough).
   */
  keepWhileRerun?: boolean;
  /**
   * While true the query is not followed, and what it last returned stays; it is read afresh once this turns
   * false. For a screen whose changes are the person's own typing: re-reading and re-rendering the record after
   * every keystroke's save would only compete with the next keystroke.
   */
  paused?: boolean;
  /** A result already read for these inputs (say, while the app was starting): shown at once, then followed. */
  initial?: T;
}

/** Subscribes to a query over the database; re-runs it when any table it read changes, in this tab or another. */
export function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[], options: LiveOptions<T> = {}): LiveResult<T> {
  const [result, setResult] = useState<LiveResult<T>>(() => (options.initial !== undefined ? { status: 'ready', value: options.initial } : { status: 'loading' }));
  const { keepWhileRerun = false, paused = false } = options;
  const shownFor = useRef<readonly unknown[] | null>(options.initial !== undefined ? deps : null);
  useEffect(() => {
    if (paused) return;
    // Back to loading only for other inputs: resuming after a pause keeps what is shown until the fresh read.
    const sameInputs = shownFor.current !== null && shownFor.current.length === deps.length && shownFor.current.every((d, i) => Object.is(d, deps[i]));
    if (!keepWhileRerun && !sameInputs) setResult({ status: 'loading' });
    shownFor.current = deps;
    const sub = liveQuery(query).subscribe({
      next: (value) => setResult({ status: 'ready', value }),
      error: (error: unknown) => setResult({ status: 'error', error }),
    });
    return () => sub.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, paused]);
  return result;
}

/** Follows a query outside a component (e.g. background sync): `onValue` on every change; returns the unsubscribe. */
export function subscribeLive<T>(query: () => Promise<T>, onValue: (value: T) => void, onError: (error: unknown) => void): () => void {
  const sub = liveQuery(query).subscribe({ next: onValue, error: onError });
  return () => sub.unsubscribe();
}
