/** Why a sync run stopped, in words a person can act on. */
import { isRemoteError } from './remote-store';

export type SyncStopReason = 'credentials' | 'unreachable' | 'remote-lost' | 'other-folder' | 'full' | 'newer-format' | 'server';

const MESSAGES: Record<SyncStopReason, string> = {
  credentials: 'The server refused the user name or password. Check them in Settings → Sync (for Nextcloud, use an app password).',
  unreachable:
    'Lectern could not reach the sync server. Check that you are online and that the address is right; a server on another site must also allow Lectern to connect (CORS).',
  'remote-lost':
    'The sync folder is empty or most of its files are gone. Nothing was deleted on this device. If you emptied or moved the folder on purpose, choose to upload everything here; otherwise check the folder on the server.',
  'other-folder':
    'This folder holds another Lectern library than the one this device synced with. Nothing was changed. Choose to merge into this folder, or pick the folder you used before.',
  full: 'The sync server has no space left. Free some space there, then sync again; your notes are safe on this device.',
  'newer-format': 'The sync folder was written by a newer version of Lectern. Update Lectern on this device to sync with it.',
  server: 'The sync server answered with an error. Your notes are safe on this device; sync will try again later.',
};

/** A run that ended early; `.message` says what happened and what to do. */
export class SyncStop extends Error {
  readonly reason: SyncStopReason;
  constructor(reason: SyncStopReason, detail?: string) {
    super(detail ? `${MESSAGES[reason]} (${detail})` : MESSAGES[reason]);
    this.name = 'SyncStop';
    this.reason = reason;
  }
}

/** The stop a failed request means, or null for errors that are not about the server (bugs, storage). */
export function stopFor(e: unknown): SyncStop | null {
  if (e instanceof SyncStop) return e;
  if (!isRemoteError(e)) return null;
  switch (e.kind) {
    case 'auth':
    case 'forbidden':
      return new SyncStop('credentials', e.message);
    case 'network':
      return new SyncStop('unreachable', e.message);
    case 'full':
      return new SyncStop('full');
    case 'aborted':
      return null;
    default:
      return new SyncStop('server', e.message);
  }
}
