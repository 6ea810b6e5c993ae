/** The "New note" button, on every screen, where the thumb rests. */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { describeStorageError } from '../db/errors';
import { newQuickNote } from './quick-note';
import { routes } from './routes';

export function QuickNoteButton(): JSX.Element {
  const { route } = useLocation();
  const [failure, setFailure] = useState('');
  const create = (): void => {
    setFailure('');
    newQuickNote().then(
      (id) => route(routes.talk(id)),
      (err: unknown) => setFailure(describeStorageError(err)),
    );
  };
  return (
    <>
      {failure && (
        <p role="alert" class="error-box quick-note__error">
          {failure}
        </p>
      )}
      <button type="button" class="quick-note button button--primary" onClick={create}>
        New note
      </button>
    </>
  );
}
