/** Settings and facts about this copy of the app: version, storage, offline readiness. */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { offlineReady } from '../../app/pwa';
import { useObservable } from '../../app/status';
import { useTitle } from '../../app/use-title';

interface StorageFacts {
  usage?: number;
  quota?: number;
  persisted?: boolean;
}

const mb = (n: number): string => `${(n / 1_048_576).toFixed(1)} MB`;

export function SettingsScreen(): JSX.Element {
  useTitle('Settings');
  const ready = useObservable(offlineReady);
  const [storage, setStorage] = useState<StorageFacts | null>(null);
  useEffect(() => {
    const s = navigator.storage;
    if (!s?.estimate) return;
    Promise.all([s.estimate(), s.persisted?.() ?? Promise.resolve(undefined)])
      .then(([e, persisted]) => setStorage({ usage: e.usage, quota: e.quota, ...(persisted === undefined ? {} : { persisted }) }))
      .catch(() => setStorage(null));
  }, []);
  const controlled = typeof navigator !== 'undefined' && Boolean(navigator.serviceWorker?.controller);
  return (
    <section class="screen">
      <h1>Settings</h1>
      <h2>This device</h2>
      <dl class="facts">
        <dt>Version</dt>
        <dd data-testid="app-version">{__APP_VERSION__}</dd>
        <dt>Works offline</dt>
        <dd>{ready || controlled ? 'Yes: the whole app is stored on this device.' : 'Not yet: open the app once while online.'}</dd>
        {storage?.usage !== undefined && storage.quota !== undefined && (
          <>
            <dt>Storage used</dt>
            <dd>
              {mb(storage.usage)} of {mb(storage.quota)} available
            </dd>
          </>
        )}
        {storage?.persisted !== undefined && (
          <>
            <dt>Protected from clean-up</dt>
            <dd>{storage.persisted ? 'Yes' : 'No: the browser may clear stored data when space runs low. Keep a backup.'}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
