/** A note's earlier versions, each viewable and restorable; restoring keeps the current text as a version. */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { describeStorageError } from '../../db/errors';
import { useLiveQuery } from '../../db/live';
import { getTalk } from '../../db/talks';
import { listVersions, restoreVersion } from '../../db/versions';
import type { Talk } from '../../model/types';
import { routes } from '../../app/routes';
import { useTitle } from '../../app/use-title';
import { LiveView } from '../components/live-view';
import { NotFound } from '../components/not-found';

const REASONS = { edit: 'While editing', restore: 'Before a restore', sync: 'Before a sync', conflict: 'Written elsewhere, replaced while you typed' } as const;

function when(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

export function HistoryScreen(): JSX.Element {
  const { params } = useRoute();
  const { route } = useLocation();
  const id = params.id!;
  const [failure, setFailure] = useState('');
  const result = useLiveQuery(async () => {
    const talk = await getTalk(id);
    return talk && talk.deletedAt === null ? { talk, versions: await listVersions(id) } : null;
  }, [id]);
  useTitle('Earlier versions');
  const restore = (versionId: string): void => {
    restoreVersion(versionId).then(
      () => route(routes.talk(id)),
      (err: unknown) => setFailure(describeStorageError(err)),
    );
  };
  return (
    <LiveView result={result}>
      {(data) =>
        !data ? (
          <NotFound what="note" />
        ) : (
          <section class="screen">
            <nav class="breadcrumb" aria-label="Breadcrumb">
              <a href={routes.talk(id)}>{data.talk.title}</a>
            </nav>
            <h1>Earlier versions</h1>
            <p class="muted">Lectern keeps the note as it was every few minutes while you type, and before a restore. Restoring keeps the current text here too.</p>
            {failure && (
              <p role="alert" class="error-box">
                {failure}
              </p>
            )}
            {data.versions.length === 0 ? (
              <p class="empty">No earlier versions yet.</p>
            ) : (
              <ul class="card-list">
                {data.versions.map((v) => {
                  const body = (v.record as Talk).body;
                  return (
                    <li key={v.id} class="card">
                      <span class="card__title">{when(v.created)}</span>
                      <span class="card__meta">
                        {REASONS[v.reason]} · {body.length.toLocaleString()} characters
                      </span>
                      <details>
                        <summary>Show this version</summary>
                        <pre class="version__text">{body}</pre>
                      </details>
                      <button type="button" class="button" onClick={() => restore(v.id)} aria-label={`Restore this version, from ${when(v.created)}`}>
                        Restore this version
                      </button>
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        )
      }
    </LiveView>
  );
}
