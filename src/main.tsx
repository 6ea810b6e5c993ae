/** Boots the app: register the service worker, open the database, render. */
import { render } from 'preact';
import './styles.css';
import { App } from './app/app';
import { FatalScreen } from './app/fatal-screen';
import { registerServiceWorker } from './app/pwa';
import { openDatabase } from './db/open';
import { DEFAULT_SETTINGS, getSettings } from './db/settings';
import { applyTheme } from './app/theme';
import { preloadHome } from './ui/screens/conference-list';

// Registered first, so the app is cached for offline use even when storage fails to open.
registerServiceWorker();

const root = document.getElementById('app')!;
root.textContent = '';
void openDatabase().then(async (result) => {
  if (result.ok) {
    // The home screen's data is read beside the settings, so the first screen renders with its list.
    const [settings] = await Promise.all([getSettings().catch(() => DEFAULT_SETTINGS), location.pathname === '/' ? preloadHome() : null]);
    applyTheme(settings.theme);
  }
  render(result.ok ? <App /> : <FatalScreen reason={result.reason} />, root);
  // Sync loads after the first screen is up, and is precached like every other chunk.
  if (result.ok) void import('./sync/sync-controller').then((m) => m.startSyncController()).catch((err: unknown) => console.warn('Sync did not start', err));
});
