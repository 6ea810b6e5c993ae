/** Service worker registration and the update flow: a new version waits until the user agrees. */
import { registerSW } from 'virtual:pwa-register';
import { whenWritesSettled } from '../db/pending';
import { observable } from './status';

/** True once a new version is installed and waiting. */
export const updateReady = observable(false);
/** True once every file the app needs offline is cached. */
export const offlineReady = observable(false);

let updateSW: ((reload?: boolean) => Promise<void>) | undefined;

const HOUR = 3_600_000;

/** Registers the service worker; safe to call where service workers are unsupported. */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  updateSW = registerSW({
    immediate: true,
    onNeedRefresh: () => updateReady.set(true),
    onOfflineReady: () => offlineReady.set(true),
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      // People keep the app open for a whole conference: look for a new version now and then.
      setInterval(() => {
        if (navigator.onLine) registration.update().catch(() => undefined);
      }, HOUR);
    },
    onRegisterError: (err: unknown) => console.warn('Service worker registration failed', err),
  });
}

/** Applies the waiting version once every save in flight has landed; the page reloads itself. */
export async function applyUpdate(): Promise<void> {
  await whenWritesSettled();
  // Focus leaves the editor first, so no keystroke can start a save after the last check.
  (document.activeElement as HTMLElement | null)?.blur();
  await whenWritesSettled();
  await updateSW?.(true);
}
