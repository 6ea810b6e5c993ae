/** Conflict copies made by sync: the list, and one copy beside its note with a merged text to keep. */
import type { JSX } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { routes } from '../../app/routes';
import { useTitle } from '../../app/use-title';
import { listConflicts, resolveConflict } from '../../db/conflicts';
import { describeStorageError } from '../../db/errors';
import { useLiveQuery } from '../../db/live';
import { getTalk, trashTalk } from '../../db/talks';
import type { Talk } from '../../model/types';
import { LiveView } from '../components/live-view';

const from = (copy: Talk): string => (copy.conflictFrom ? `from ${copy.conflictFrom}` : 'from another device');

export function ConflictList(): JSX.Element {
  useTitle('Conflicts');
  const result = useLiveQuery(listConflicts, []);
  return (
    <section class="screen">
      <h1>Conflicts</h1>
      <p class="muted">
        When the same line of a note was changed on two devices, sync keeps the other text as a copy instead of choosing for you.
        Open one to compare the two and keep the text you want.
      </p>
      <LiveView result={result}>
        {(copies) =>
          copies.length === 0 ? (
            <p class="empty">No conflicts: every note agrees across your devices.</p>
          ) : (
            <ul class="card-list" aria-label="Conflict copies">
              {copies.map((c) => (
                <li key={c.id}>
                  <a class="card" href={routes.conflict(c.id)}>
                    <span class="card__title">{c.title || 'Untitled note'}</span>
                    <span class="card__meta">Copy {from(c)}</span>
                  </a>
                </li>
              ))}
            </ul>
          )
        }
      </LiveView>
    </section>
  );
}

interface Pair {
  copy: Talk | undefined;
  note: Talk | undefined;
}

async function readPair(copyId: string): Promise<Pair> {
  const copy = await getTalk(copyId);
  const note = copy?.conflictOf ? await getTalk(copy.conflictOf) : undefined;
  return { copy, note };
}

export function ConflictScreen(): JSX.Element {
  const { params } = useRoute();
  const id = params.id ?? '';
  const result = useLiveQuery(() => readPair(id), [id]);
  return (
    <section class="screen">
      <nav class="breadcrumb" aria-label="Breadcrumb">
        <a href={routes.conflicts}>Conflicts</a>
      </nav>
      <LiveView result={result}>
        {({ copy, note }) =>
          !copy || copy.deletedAt !== null || !copy.conflictOf ? (
            <>
              <h1>Conflict resolved</h1>
              <p class="empty">This conflict copy is no longer waiting: it was kept or discarded, here or on another device.</p>
            </>
          ) : (
            <ConflictCompare key={copy.id} copy={copy} note={note} />
          )
        }
      </LiveView>
    </section>
  );
}

function ConflictCompare({ copy, note }: { copy: Talk; note: Talk | undefined }): JSX.Element {
  useTitle(`Conflict: ${copy.title}`);
  const { route } = useLocation();
  const merged = useRef<HTMLTextAreaElement>(null);
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  const trashed = note !== undefined && note.deletedAt !== null;
  const act = (work: () => Promise<void>): void => {
    setBusy(true);
    setFailure('');
    work()
      .then(() => route(routes.conflicts))
      .catch((err: unknown) => {
        setFailure(describeStorageError(err));
        setBusy(false);
      });
  };
  const use = (text: string) => (): void => {
    if (!merged.current) return;
    merged.current.value = text;
    merged.current.focus();
  };
  return (
    <>
      <h1>Conflict: {copy.title || 'Untitled note'}</h1>
      <p class="muted">
        The note and the copy {from(copy)} both changed the same lines. Edit the merged text below to keep what you want from each;
        <em> Keep merged</em> saves it into the note (the earlier text stays in its history) and moves the copy to the Trash.
      </p>
      {trashed && <p class="error-box">The note is in the Trash: restore it from the Trash to merge into it, or discard the copy.</p>}
      <div class="conflict-compare">
        <section aria-labelledby="conflict-note" class="conflict-side">
          <h2 id="conflict-note">The note</h2>
          {note ? <div class="conflict-side__text">{note.body || <span class="muted">(empty)</span>}</div> : <p class="muted">The note is gone from this device.</p>}
          {note && (
            <button type="button" class="button" onClick={use(note.body)}>
              Start from the note
            </button>
          )}
        </section>
        <section aria-labelledby="conflict-copy" class="conflict-side">
          <h2 id="conflict-copy">The copy {from(copy)}</h2>
          <div class="conflict-side__text">{copy.body || <span class="muted">(empty)</span>}</div>
          <button type="button" class="button" onClick={use(copy.body)}>
            Start from the copy
          </button>
        </section>
      </div>
      <div class="field">
        <label for="conflict-merged">Merged text</label>
        <p id="conflict-merged-hint" class="field__hint">
          Starts as the note’s text. Nothing is saved until you choose Keep merged.
        </p>
        <textarea id="conflict-merged" ref={merged} class="conflict-merged" aria-describedby="conflict-merged-hint" defaultValue={note?.body ?? copy.body} rows={12} />
      </div>
      {failure && (
        <p role="alert" class="error-box">
          {failure}
        </p>
      )}
      <div class="actions">
        <button type="button" class="button button--primary" disabled={busy || !note || trashed} onClick={() => act(() => resolveConflict(copy.id, merged.current?.value ?? ''))}>
          Keep merged
        </button>
        <button type="button" class="button button--danger" disabled={busy} onClick={() => act(() => trashTalk(copy.id))}>
          Discard the copy
        </button>
      </div>
    </>
  );
}
