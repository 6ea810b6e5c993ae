/** Settings, and facts about this copy of the app: version, offline readiness, storage. */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { offlineReady } from '../../app/pwa';
import { useObservable } from '../../app/status';
import { useSyncRunning } from '../../app/sync-facts';
import { applyTheme } from '../../app/theme';
import { useTitle } from '../../app/use-title';
import { describeStorageError } from '../../db/errors';
import { useLiveQuery } from '../../db/live';
import { getSettings, setSetting, type Theme } from '../../db/settings';
import { countTalks } from '../../db/talks';
import { LiveView } from '../components/live-view';
import { BackupSection } from '../components/export-backup';
import { SyncSettings } from '../components/sync-settings';

interface StorageFacts {
  usage?: number;
  quota?: number;
  persisted?: boolean;
}

const mb = (n: number): string => `${(n / 1_048_576).toFixed(1)} MB`;

const THEMES: Array<{ value: Theme; label: string }> = [
  { value: 'system', label: 'Like the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

function useStorageFacts(): StorageFacts | null {
  const [facts, setFacts] = useState<StorageFacts | null>(null);
  useEffect(() => {
    const s = navigator.storage;
    if (!s?.estimate) return;
    Promise.all([s.estimate(), s.persisted?.() ?? Promise.resolve(undefined)])
      .then(([e, persisted]) => setFacts({ usage: e.usage, quota: e.quota, ...(persisted === undefined ? {} : { persisted }) }))
      .catch(() => setFacts(null));
  }, []);
  return facts;
}

export function SettingsScreen(): JSX.Element {
  useTitle('Settings');
  const ready = useObservable(offlineReady);
  const storage = useStorageFacts();
  const result = useLiveQuery(getSettings, []);
  const syncing = useSyncRunning();
  const counts = useLiveQuery(countTalks, [], { paused: syncing });
  const [failure, setFailure] = useState('');
  const store = (write: Promise<void>): void => {
    setFailure('');
    write.catch((err: unknown) => setFailure(describeStorageError(err)));
  };
  // Arriving from "Back up now" (#backup-heading): the section exists only once the settings have loaded.
  const loaded = result.status === 'ready';
  useEffect(() => {
    if (loaded && location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView({ block: 'start' });
  }, [loaded]);
  const controlled = typeof navigator !== 'undefined' && Boolean(navigator.serviceWorker?.controller);
  return (
    <section class="screen">
      <h1>Settings</h1>
      {failure && (
        <p role="alert" class="error-box">
          {failure}
        </p>
      )}
      <LiveView result={result}>
        {(settings) => (
          <>
            <div class="field">
              <label for="initials">Your initials</label>
              <p id="initials-hint" class="field__hint">
                The “My remark” button signs your own thoughts in a note with them, e.g. “-CSB”.
              </p>
              <input
                id="initials"
                aria-describedby="initials-hint"
                defaultValue={settings.initials}
                maxLength={8}
                autoComplete="off"
                autoCapitalize="characters"
                onInput={(e) => store(setSetting('initials', e.currentTarget.value.trim()))}
              />
            </div>
            <fieldset>
              <legend>Theme</legend>
              <div class="choices">
                {THEMES.map((t) => (
                  <label key={t.value} class="choice">
                    <input type="radio" name="theme" value={t.value} checked={settings.theme === t.value} onChange={() => {
                        applyTheme(t.value);
                        store(setSetting('theme', t.value));
                      }} />
                    {t.label}
                  </label>
                ))}
              </div>
            </fieldset>
            <SyncSettings />
            <BackupSection lastBackup={settings.lastBackup} />
            <h2>This device</h2>
            <dl class="facts">
              <dt>Notes</dt>
              <dd>
                {counts.status === 'ready'
                  ? `${counts.value.withNotes} written, in ${counts.value.talks} ${counts.value.talks === 1 ? 'talk' : 'talks'}`
                  : syncing
                    ? 'Counted once sync is done'
                    : 'Counting…'}
              </dd>
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
                  <dd data-testid="storage-persisted">
                    {storage.persisted
                      ? 'Yes: the browser keeps Lectern’s notes until you delete them.'
                      : 'No: this browser has not agreed to keep Lectern’s data for good. When the device runs low on space (or, in Safari, after weeks without a visit) it may delete every note stored here, without asking. Back up regularly with “Back up everything” above; installing Lectern to the home screen makes the browser more likely to keep it.'}
                  </dd>
                </>
              )}
            </dl>
          </>
        )}
      </LiveView>
    </section>
  );
}
