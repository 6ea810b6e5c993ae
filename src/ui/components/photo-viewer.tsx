/** One photo full screen in a modal dialog; Escape or Close shuts it. */
import type { JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { Attachment } from '../../model/types';
import { photoAlt } from '../../photos/references';
import { usePhotoUrl } from '../../photos/use-photo-urls';

interface PhotoViewerProps {
  attachment: Attachment;
  number: number;
  /** Called once the dialog has closed; the caller puts focus back where it was. */
  onClose: () => void;
}

export function PhotoViewer({ attachment: a, number, onClose }: PhotoViewerProps): JSX.Element {
  const dialog = useRef<HTMLDialogElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const photo = usePhotoUrl(a.sha256);
  const modal = typeof HTMLDialogElement === 'function' && typeof HTMLDialogElement.prototype.showModal === 'function';

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    // Browsers (and test DOMs) without a modal dialog get an open, non-modal one; Escape still closes it below.
    if (modal) el.showModal();
    else el.setAttribute('open', '');
    closeButton.current?.focus();
  }, []);

  const close = (): void => {
    if (modal) dialog.current?.close();
    else onClose();
  };

  const alt = photoAlt(a);
  return (
    <dialog
      ref={dialog}
      class="photo-viewer"
      aria-label={`Photo ${number}: ${alt}`}
      onClose={onClose}
      onKeyDown={(e) => {
        if (!modal && e.key === 'Escape') onClose();
      }}
    >
      <div class="photo-viewer__bar">
        <p class="photo-viewer__caption">{alt}</p>
        <button type="button" ref={closeButton} class="button" onClick={close}>
          Close
        </button>
      </div>
      {photo.state === 'ready' ? (
        <img class="photo-viewer__image" src={photo.url} alt={alt} />
      ) : (
        <p class="photo-viewer__missing">{photo.state === 'loading' ? 'Loading…' : 'Missing photo: it is not stored on this device.'}</p>
      )}
    </dialog>
  );
}
