/** Renders a live query's result, with a loading state and a visible error instead of a blank screen. */
import type { ComponentChildren, JSX } from 'preact';
import type { LiveResult } from '../../db/live';

export function LiveView<T>(props: { result: LiveResult<T>; children: (value: T) => ComponentChildren }): JSX.Element {
  const { result } = props;
  if (result.status === 'loading') return <p class="muted" aria-busy="true">Loading…</p>;
  if (result.status === 'error')
    return (
      <p role="alert" class="error-box">
        Could not read your notes: {String((result.error as Error)?.message ?? result.error)}. Reload to try again.
      </p>
    );
  return <>{props.children(result.value)}</>;
}
