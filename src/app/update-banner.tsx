/** Offers a waiting new version; it is applied only when the user agrees, after pending saves land. */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { applyUpdate, updateReady } from './pwa';
import { useObservable } from './status';

export function UpdateBanner(): JSX.Element | null {
  const ready = useObservable(updateReady);
  const [dismissed, setDismissed] = useState(false);
  const [applying, setApplying] = useState(false);
  if (!ready || dismissed) return null;
  const apply = (): void => {
    setApplying(true);
    applyUpdate().catch((err: unknown) => {
      console.warn('Update failed', err);
      setApplying(false);
    });
  };
  return (
    <div class="banner" role="status">
      <span>Update ready. Your notes are saved; updating reloads the app.</span>
      <span class="banner__actions">
        <button type="button" class="button button--primary" onClick={apply} disabled={applying}>
          {applying ? 'Updating…' : 'Update now'}
        </button>
        <button type="button" class="button button--quiet" onClick={() => setDismissed(true)}>
          Later
        </button>
      </span>
    </div>
  );
}
