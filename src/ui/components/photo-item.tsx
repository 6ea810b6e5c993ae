/** One photo under the note: its thumbnail (opens it full screen), its caption, and deleting it. */
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { removePhoto, setPhotoCaption } from '../../db/attachments';
import { describeStorageError } from '../../db/errors';
import type { Attachment } from '../../model/types';
import { usePhotoUrl } from '../../photos/use-photo-urls';

interface PhotoItemProps {
  talkId: string;
  attachment: Attachment;
  /** 1-based position, to tell photos apart for screen readers (camera files are often all "image.jpg"). */
  number: number;
  onView: (opener: HTMLElement) => void;
  onRemoved: () => void;
}

export function PhotoItem({ talkId, attachment: a, number, onView, onRemoved }: PhotoItemProps): JSX.Element {
  const photo = usePhotoUrl(a.sha256);
  const caption = useRef<HTMLInputElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const keepButton = useRef<HTMLButtonElement>(null);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = `photo-${a.sha256.slice(0, 16)}`;

  // Uncontrolled like the note: a stored echo must not move the caret, but a change from elsewhere shows when idle.
  useEffect(() => {
    const el = caption.current;
    if (el && el.value !== a.caption && document.activeElement !== el) el.value = a.caption;
  }, [a.caption]);

  // The question takes focus on its safe answer; answering Keep puts focus back on Delete, where the person was.
  const asked = useRef(false);
  useEffect(() => {
    if (confirming) keepButton.current?.focus();
    else if (asked.current) deleteButton.current?.focus();
    asked.current = confirming;
  }, [confirming]);

  const saveCaption = (value: string): void => {
    setPhotoCaption(talkId, a.sha256, value).then(
      () => setError(null),
      (err: unknown) => setError(describeStorageError(err)),
    );
  };

  const remove = (): void => {
    removePhoto(talkId, a.sha256).then(onRemoved, (err: unknown) => setError(describeStorageError(err)));
  };

  return (
    <li class="photo-item">
      <button type="button" class="photo-item__view" aria-label={`View photo ${number} full screen`} onClick={(e) => onView(e.currentTarget)}>
        {photo.state === 'ready' ? (
          <img class="photo-item__image" src={photo.url} alt="" decoding="async" />
        ) : (
          <span class="photo-item__placeholder">{photo.state === 'loading' ? 'Loading…' : 'Missing photo'}</span>
        )}
      </button>
      <label for={`${id}-caption`} class="photo-item__label">
        Caption<span class="visually-hidden"> for photo {number}</span>
      </label>
      <input
        id={`${id}-caption`}
        ref={caption}
        type="text"
        class="photo-item__caption"
        defaultValue={a.caption}
        placeholder={a.name}
        enterKeyHint="done"
        autoCapitalize="sentences"
        aria-describedby={error ? `${id}-error` : undefined}
        onInput={(e) => saveCaption(e.currentTarget.value)}
        onBlur={(e) => {
          // Retries a caption whose save failed while typing.
          if (e.currentTarget.value !== a.caption) saveCaption(e.currentTarget.value);
        }}
      />
      {confirming ? (
        <div class="photo-item__confirm" role="group" aria-label={`Delete photo ${number}?`}>
          <span>Delete this photo?</span>
          <button type="button" class="button button--danger" onClick={remove}>
            Yes, delete
          </button>
          <button type="button" ref={keepButton} class="button" onClick={() => setConfirming(false)}>
            Keep
          </button>
        </div>
      ) : (
        <button type="button" ref={deleteButton} class="button button--quiet photo-item__delete" aria-label={`Delete photo ${number}`} onClick={() => setConfirming(true)}>
          Delete
        </button>
      )}
      {error && (
        <p id={`${id}-error`} role="alert" class="field__error">
          {error}
        </p>
      )}
    </li>
  );
}
