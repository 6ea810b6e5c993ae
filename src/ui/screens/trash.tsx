/** The Trash: restore what was deleted, or delete it for good. */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { restoreConference } from '../../db/conferences';
import { describeStorageError } from '../../db/errors';
import { useLiveQuery } from '../../db/live';
import { restoreTalk } from '../../db/talks';
import { emptyTrash, listTrash, TRASH_DAYS } from '../../db/trash';
import { useTitle } from '../../app/use-title';
import { LiveView } from '../components/live-view';

function daysLeft(deletedAt: string | null): number {
  const age = (Date.now() - Date.parse(deletedAt ?? '')) / 86_400_000;
  return Math.max(0, Math.ceil(TRASH_DAYS - age));
}

export function TrashScreen(): JSX.Element {
  useTitle('Trash');
  const result = useLiveQuery(listTrash, []);
  const [failure, setFailure] = useState('');
  const act = (action: () => Promise<unknown>) => (): void => {
    setFailure('');
    action().catch((err: unknown) => setFailure(describeStorageError(err)));
  };
  return (
    <section class="screen">
      <h1>Trash</h1>
      <p class="muted">Deleted conferences and talks stay here for {TRASH_DAYS} days, then go for good.</p>
      {failure && (
        <p role="alert" class="error-box">
          {failure}
        </p>
      )}
      <LiveView result={result}>
        {({ conferences, talks }) =>
          conferences.length + talks.length === 0 ? (
            <p class="empty">The Trash is empty.</p>
          ) : (
            <>
              <ul class="card-list" aria-label="Deleted items">
                {conferences.map((c) => (
                  <li key={c.id} class="card card--row">
                    <span>
                      <span class="card__title">{c.name}</span>
                      <span class="card__meta">Conference, with its talks · {daysLeft(c.deletedAt)} days left</span>
                    </span>
                    <button type="button" class="button" onClick={act(() => restoreConference(c.id))} aria-label={`Restore ${c.name}`}>
                      Restore
                    </button>
                  </li>
                ))}
                {talks.map((t) => (
                  <li key={t.id} class="card card--row">
                    <span>
                      <span class="card__title">{t.title}</span>
                      <span class="card__meta">
                        Talk{t.conferenceName && ` at ${t.conferenceName}`} · {daysLeft(t.deletedAt)} days left
                      </span>
                    </span>
                    <button type="button" class="button" onClick={act(() => restoreTalk(t.id))} aria-label={`Restore ${t.title}`}>
                      Restore
                    </button>
                  </li>
                ))}
              </ul>
              <p class="actions actions--danger">
                <button
                  type="button"
                  class="button button--danger"
                  onClick={act(async () => {
                    if (confirm('Delete everything in the Trash for good? This cannot be undone.')) await emptyTrash();
                  })}
                >
                  Empty Trash
                </button>
              </p>
            </>
          )
        }
      </LiveView>
    </section>
  );
}
