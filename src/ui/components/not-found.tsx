import type { JSX } from 'preact';
import { routes } from '../../app/routes';
import { useTitle } from '../../app/use-title';

/** Shown for an unknown address, or a conference or talk that no longer exists. */
export function NotFound({ what = 'page' }: { what?: string }): JSX.Element {
  useTitle('Not found');
  return (
    <section class="screen">
      <h1>No such {what}</h1>
      <p>It may have been deleted: look in the Trash, where deleted things stay for 30 days.</p>
      <p class="actions">
        <a class="button" href={routes.trash}>
          Open the Trash
        </a>
        <a class="button" href={routes.home}>
          All conferences
        </a>
      </p>
    </section>
  );
}
