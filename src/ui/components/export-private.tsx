/** "Keep private": a talk left out of day and conference exports. */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { describeStorageError } from '../../db/errors';
import { setTalkPrivate } from '../../db/export-data';
import type { Talk } from '../../model/types';

export function PrivateToggle({ talk }: { talk: Talk }): JSX.Element {
  const [failure, setFailure] = useState('');
  return (
    <>
      <label class="choice export-private">
        <input
          type="checkbox"
          checked={Boolean(talk.private)}
          onChange={(e) => {
            setFailure('');
            setTalkPrivate(talk.id, e.currentTarget.checked).catch((err: unknown) => setFailure(describeStorageError(err)));
          }}
        />
        Keep private
      </label>
      {failure && (
        <p role="alert" class="error-box">
          {failure}
        </p>
      )}
    </>
  );
}
