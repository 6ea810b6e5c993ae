/** What Test connection found, in words that say what to do next. */
import type { JSX } from 'preact';
import type { ConnectionCheck } from '../../sync/check-connection';

interface SyncCheckResultProps {
  check: ConnectionCheck;
  folder: string;
  /** The folder was just created from here. */
  created: boolean;
  creating: boolean;
  onCreate: () => void;
}

const TITLES = {
  unreachable: 'Cannot reach the server',
  credentials: 'The server refused the login',
  'folder-missing': 'The folder does not exist',
  server: 'The server answered with an error',
} as const;

export function SyncCheckResult({ check, folder, created, creating, onCreate }: SyncCheckResultProps): JSX.Element {
  if (check.ok) {
    const done = created ? `Folder “${folder}” created. ` : '';
    if (check.conditionalWrites === 'ignored')
      return (
        <div role="status" class="notice notice--warning" data-testid="sync-check">
          <p class="notice__title">Connected, with a warning</p>
          <p>
            {done}This server ignores conditional writes, which keep two devices from overwriting each other’s uploads. Nothing is
            lost, but syncing two devices at the same moment makes conflict copies: sync one device at a time.
          </p>
        </div>
      );
    return (
      <div role="status" class="notice notice--ok" data-testid="sync-check">
        <p class="notice__title">Connection works</p>
        <p>{done}Lectern can read and write the folder “{folder}”.</p>
      </div>
    );
  }
  return (
    <div role="alert" class="notice notice--error" data-testid="sync-check">
      <p class="notice__title">{TITLES[check.problem]}</p>
      <p>{check.message}</p>
      {check.problem === 'unreachable' && (
        <p>
          If the address is right and the server is up, it may not allow this app to reach it: the server must send CORS headers
          allowing <code>{location.origin}</code>. Lectern’s guide to syncing (docs/SYNC.md) shows how for Apache, nginx and Nextcloud.
        </p>
      )}
      {check.problem === 'folder-missing' && (
        <div class="actions">
          <button type="button" class="button button--primary" onClick={onCreate} disabled={creating}>
            {creating ? 'Creating…' : `Create the folder “${folder}”`}
          </button>
        </div>
      )}
    </div>
  );
}
