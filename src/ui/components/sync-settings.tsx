/** The Sync section of Settings: connect a WebDAV folder, see where sync stands, sync now, change or forget it. */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { routes } from '../../app/routes';
import { useObservable } from '../../app/status';
import { syncFacts, useSyncRunning } from '../../app/sync-facts';
import { useClock } from '../../app/use-clock';
import { describeStorageError } from '../../db/errors';
import { listConflicts } from '../../db/conflicts';
import { useLiveQuery } from '../../db/live';
import { forgetSyncConfig, loadSyncConfig } from '../../db/sync-config';
import type { SyncResolution } from '../../sync/auto-sync';
import type { SyncConfig } from '../../sync/config';
import { dismissQuestion, startSyncController, syncNow } from '../../sync/sync-controller';
import { describeSyncStatus } from '../../sync/sync-status';
import { LiveView } from './live-view';
import { SyncConnectForm } from './sync-connect-form';
import { SyncQuestion } from './sync-question';

const host = (url: string): string => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

export function SyncSettings(): JSX.Element {
  // Settings may be the first screen opened; sync follows the saved connection from here too.
  useEffect(() => startSyncController(), []);
  const config = useLiveQuery(loadSyncConfig, []);
  // Copies stay after a connection is forgotten: they are still shown, and still need a decision.
  const conflicts = useLiveQuery(async () => (await listConflicts()).length, [], { paused: useSyncRunning() });
  const count = conflicts.status === 'ready' ? conflicts.value : 0;
  return (
    <section aria-labelledby="sync">
      <h2 id="sync">Sync</h2>
      {count > 0 && (
        <p>
          <a class="button" href={routes.conflicts}>
            Conflicts: {count === 1 ? '1 copy' : `${count} copies`} to look at
          </a>
        </p>
      )}
      <LiveView result={config}>{(c) => (c ? <Connected config={c} /> : <NotConnected />)}</LiveView>
    </section>
  );
}

function NotConnected(): JSX.Element {
  return (
    <>
      <p class="muted">
        Keep your notes in a folder on your own WebDAV server (Apache, a NAS, Nextcloud), so your other devices see them too. The
        server must allow this app to reach it; Lectern’s sync guide shows how.
      </p>
      <SyncConnectForm initial={null} onSaved={() => undefined} />
    </>
  );
}

function Connected({ config }: { config: SyncConfig }): JSX.Element {
  const facts = useObservable(syncFacts);
  const now = useClock(30_000);
  const [changing, setChanging] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState('');
  if (changing) return <SyncConnectForm initial={config} onSaved={() => setChanging(false)} onCancel={() => setChanging(false)} />;

  const view = facts?.configured ? describeSyncStatus(facts, new Date(now)) : null;
  const phase = facts?.phase;
  const sync = (resolution?: SyncResolution): void => {
    setBusy(true);
    syncNow(resolution).finally(() => setBusy(false));
  };
  const forget = (): void => {
    if (!window.confirm('Forget this connection? Sync stops and the password is removed from this device. Your notes stay here, and the files on the server stay there.')) return;
    setFailure('');
    forgetSyncConfig().catch((err: unknown) => setFailure(describeStorageError(err)));
  };
  const running = busy || phase?.kind === 'running';
  return (
    <>
      <p>
        Syncing with the folder <strong>{config.folder}</strong> on <strong>{host(config.serverUrl)}</strong> as <strong>{config.username}</strong>.
      </p>
      {view && (
        <div class={`sync-summary sync-summary--${view.state}`} data-testid="sync-summary">
          <p class="sync-summary__text">{view.text}</p>
          <p class="muted">{view.detail}</p>
        </div>
      )}
      {phase?.kind === 'asking' && (
        <SyncQuestion question={phase.question} message={phase.message} busy={running} onAnswer={sync} onCancel={dismissQuestion} />
      )}
      {failure && (
        <p role="alert" class="error-box">
          {failure}
        </p>
      )}
      <div class="actions">
        <button type="button" class="button button--primary" disabled={running || !facts?.online} onClick={() => sync()}>
          {running ? 'Syncing…' : 'Sync now'}
        </button>
        <button type="button" class="button" onClick={() => setChanging(true)}>
          Change connection
        </button>
      </div>
      <div class="actions actions--danger">
        <button type="button" class="button button--danger" onClick={forget}>
          Forget this connection
        </button>
      </div>
    </>
  );
}
