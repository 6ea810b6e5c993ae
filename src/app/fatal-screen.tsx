/** Full-screen explanation when the app cannot store anything, instead of a blank page. */
import type { JSX } from 'preact';

export function FatalScreen({ reason }: { reason: string }): JSX.Element {
  return (
    <main class="fatal">
      <div role="alert">
      <h1>Lectern cannot store notes in this browser</h1>
      <p>{reason}</p>
      <p>Lectern keeps everything on this device, in the browser's IndexedDB storage. Without it, nothing you type could be kept, so the app does not open.</p>
      <ul>
        <li>Leave private or incognito browsing, or allow this site to store data.</li>
        <li>Check that site data is not blocked in the browser's settings.</li>
        <li>If Lectern is open in another tab, close that tab, then reload this one.</li>
      </ul>
      <p>
        <a class="button button--primary" href="/">
          Try again
        </a>
      </p>
      </div>
    </main>
  );
}
