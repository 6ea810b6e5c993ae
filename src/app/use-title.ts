import { useEffect } from 'preact/hooks';

/** Sets the document title for the current screen, so tabs, history and screen readers name it. */
export function useTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Lectern` : 'Lectern';
  }, [title]);
}
