/** What the status line says about sync: one honest sentence from the scheduler's phase and the stored facts. */

/** A stop that needs the person's answer before sync may go on. */
export type SyncQuestion = 'remote-lost' | 'other-folder';

/** Where the scheduler is. Facts kept in the database (changes waiting, last run) come separately. */
export type SyncPhase =
  | { kind: 'idle' }
  | { kind: 'running'; done?: number; total?: number }
  /** A run failed; `retryAt` (ms since epoch) when the scheduler will try again by itself. */
  | { kind: 'failed'; reason: string; message: string; retryAt?: number }
  | { kind: 'asking'; question: SyncQuestion; message: string };

export interface SyncFacts {
  configured: boolean;
  online: boolean;
  phase: SyncPhase;
  /** Local changes not yet on the server. */
  pending: number;
  /** Conflict copies waiting to be looked at. */
  conflicts: number;
  /** The last run that ended, as the database recorded it (any tab's), or null before the first. */
  lastRun: { finished: string; ok: boolean; message?: string } | null;
}

export type SyncState = 'off' | 'synced' | 'waiting' | 'offline' | 'syncing' | 'error' | 'asking';

export interface SyncStatusView {
  state: SyncState;
  /** The sentence the status line shows. */
  text: string;
  /** A second sentence: what to do, or when sync last succeeded. */
  detail: string;
  /** "2 conflicts to look at" when there are conflict copies, else null. */
  conflicts: string | null;
}

/** Progress is shown only when there is enough to make a number worth reading (a first sync, a long absence). */
const PROGRESS_FROM = 20;

const changes = (n: number): string => (n === 1 ? '1 change' : `${n} changes`);

/** "just now", "5 min ago", "at 14:05", "on 3 Mar at 14:05": how long ago a sync finished, in the device's clock. */
export function describeWhen(iso: string, now: Date, locale?: string): string {
  const then = new Date(iso);
  const ms = now.getTime() - then.getTime();
  if (Number.isNaN(ms)) return '';
  if (ms < 60_000) return 'just now';
  if (ms < 3_600_000) return `${Math.floor(ms / 60_000)} min ago`;
  const time = then.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  const sameDay = then.toDateString() === now.toDateString();
  if (sameDay) return `at ${time}`;
  return `on ${then.toLocaleDateString(locale, { day: 'numeric', month: 'short' })} at ${time}`;
}

/** The status line's words for a set of facts; `now` is passed so the wording can be tested at a fixed clock. */
export function describeSyncStatus(f: SyncFacts, now: Date, locale?: string): SyncStatusView {
  const conflicts = f.conflicts > 0 ? `${f.conflicts === 1 ? '1 conflict' : `${f.conflicts} conflicts`} to look at` : null;
  return { ...describeState(f, now, locale), conflicts };
}

function describeState(f: SyncFacts, now: Date, locale?: string): Omit<SyncStatusView, 'conflicts'> {
  const last = !f.lastRun
    ? 'Not synced yet.'
    : f.lastRun.ok
      ? `Last synced ${describeWhen(f.lastRun.finished, now, locale)}.`
      : `The last sync did not finish (${describeWhen(f.lastRun.finished, now, locale)}).`;
  if (!f.configured) return { state: 'off', text: 'Sync is off', detail: 'Connect a WebDAV folder in Settings to sync.' };
  if (f.phase.kind === 'asking')
    return { state: 'asking', text: 'Sync stopped: needs your answer', detail: f.phase.message };
  if (!f.online)
    return {
      state: 'offline',
      text: f.pending > 0 ? `Offline · ${changes(f.pending)} waiting` : 'Offline',
      detail: `${f.pending > 0 ? 'Sync resumes when the network is back. ' : ''}${last}`,
    };
  if (f.phase.kind === 'running') {
    const { done, total } = f.phase;
    const counted = total !== undefined && done !== undefined && total >= PROGRESS_FROM;
    return { state: 'syncing', text: counted ? `Syncing ${done} of ${total}…` : 'Syncing…', detail: last };
  }
  if (f.phase.kind === 'failed') {
    const retry = f.phase.retryAt !== undefined ? ' Lectern tries again by itself.' : '';
    const waiting = f.pending > 0 ? ` ${changes(f.pending)} waiting.` : '';
    return { state: 'error', text: 'Sync failed', detail: `${f.phase.message}${retry}${waiting} ${last}` };
  }
  if (f.pending > 0) return { state: 'waiting', text: `${changes(f.pending)} waiting`, detail: last };
  if (!f.lastRun) return { state: 'waiting', text: 'Not synced yet', detail: 'The first sync starts in a moment.' };
  // A run that failed in an earlier visit (or another tab) is not "synced", even with nothing waiting here.
  if (!f.lastRun.ok) return { state: 'waiting', text: 'Not synced', detail: [f.lastRun.message, last].filter(Boolean).join(' ') };
  return { state: 'synced', text: 'Synced', detail: last };
}
