/** Star or unstar a talk, to find the good ones again later. */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { describeStorageError } from '../../db/errors';
import { setStarred } from '../../db/talks';
import type { Talk } from '../../model/types';

export function StarButton({ talk }: { talk: Talk }): JSX.Element {
  const [failure, setFailure] = useState('');
  return (
    <>
      <button
        type="button"
        class={talk.starred ? 'button star star--on' : 'button star'}
        aria-pressed={talk.starred}
        aria-label="Starred"
        title={talk.starred ? 'Starred: tap to unstar' : 'Star this talk'}
        onClick={() => setStarred(talk.id, !talk.starred).then(() => setFailure(''), (err: unknown) => setFailure(describeStorageError(err)))}
      >
        {talk.starred ? '★' : '☆'}
      </button>
      {failure && (
        <span role="alert" class="field__error">
          {failure}
        </span>
      )}
    </>
  );
}
