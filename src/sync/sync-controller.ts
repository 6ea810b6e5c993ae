/**
 * Background sync for the running app: follows the saved connection, local edits and the network, runs the engine
 * through the scheduler and publishes what the status line shows. Loaded after the first screen; the engine itself
 * is loaded only when a run starts.
 */
import { syncFacts } from '../app/sync-facts';
import { listConflicts } from '../db/conflicts';
import { latestEditStamp } from '../db/latest-edit';
import { subscribeLive } from '../db/live';
import { loadSyncConfig } from '../db/sync-config';
import { countPendingChanges, lastSyncRun } from '../db/sync-state';
import { createAutoSync, type SyncResolution } from './auto-sync';
import type { SyncConfig } from './config';
import { withSyncLock } from './sync-lock';
import type { SyncFacts, SyncPhase } from './sync-status';

type Stored = Pick<SyncFacts, 'pending' | 'conflicts' | 'lastRun'>;

let phase: SyncPhase = { kind: 'idle' };
let configured = false;
let stored: Stored = { pending: 0, conflicts: 0, lastRun: null };
/** How the last run in this tab ended, known before the database's record of it arrives through the live query. */
let ownLastRun: SyncFacts['lastRun'] = null;
let recordedLastRun: SyncFacts['lastRun'] = null;
let afterRun: () => void = () => undefined;

const newer = (a: SyncFacts['lastRun'], b: SyncFacts['lastRun']): SyncFacts['lastRun'] => (!a ? b : !b ? a : a.finished >= b.finished ? a : b);

const online = (): boolean => globalThis.navigator?.onLine ?? true;

const PROGRESS_MS = 250;

function publish(): void {
  syncFacts.set({ configured, online: online(), phase, ...stored });
}

const auto = createAutoSync({
  async run({ signal, onProgress, resolution }) {
    // Read at each run, so a connection changed in another tab is the one used.
    const config = await loadSyncConfig();
    if (!config) return;
    const { runSync } = await import('./run-sync');
    // A first sync reports every record it brings; the status line is redrawn at most this often (and at the end).
    let shown = -Infinity;
    const report = (p: { done: number; total: number }): void => {
      const now = Date.now();
      if (now - shown < PROGRESS_MS && p.done < p.total) return;
      shown = now;
      onProgress(p);
    };
    await runSync(config, { signal, onProgress: report, ...(resolution ? { resolution } : {}) });
  },
  withLock: (fn, wait) => withSyncLock(fn, wait),
  isOnline: online,
  onPhase(p) {
    const ended = phase.kind === 'running' && p.kind !== 'running';
    if (ended && (p.kind === 'idle' || p.kind === 'failed')) {
      ownLastRun = { finished: new Date().toISOString(), ok: p.kind === 'idle', ...(p.kind === 'failed' ? { message: p.message } : {}) };
      stored = { ...stored, lastRun: newer(recordedLastRun, ownLastRun) };
    }
    phase = p;
    publish();
    if (ended) afterRun();
  },
});

/** Where, as whom and with which password: a change of any of these is a new connection, and sync starts afresh. */
const identity = (c: SyncConfig | null): string => (c ? JSON.stringify([c.serverUrl, c.folder, c.username, c.password]) : '');

let started = false;

/**
 * Counting waiting changes reads every record (and listing conflicts scans the talks): with thousands of talks that
 * is a long task, so it waits until edits have paused this long, rather than running every so often while someone types.
 */
const RECOUNT_MS = 2_000;

interface Calmed {
  /** Asks for a call: at once if nothing asked within `gapMs`, else once asking has paused for `gapMs`. */
  (): void;
  /** Asks for a call at once (or right after the one under way). */
  now(): void;
}

/** Calls `work` when asked, never two at once; asks in quick succession make one call, after they stop. */
function calmed(work: () => Promise<void>, gapMs: number): Calmed {
  let busy = false;
  let wanted = false;
  let lastAsk = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const go = (): void => {
    clearTimeout(timer);
    timer = undefined;
    if (busy) {
      wanted = true;
      return;
    }
    busy = true;
    wanted = false;
    work().finally(() => {
      busy = false;
      if (wanted) go();
    });
  };
  const ask = (): void => {
    const now = Date.now();
    const quiet = now - lastAsk >= gapMs;
    lastAsk = now;
    if (quiet && timer === undefined) go();
    else {
      clearTimeout(timer);
      timer = setTimeout(go, gapMs);
    }
  };
  return Object.assign(ask, { now: go });
}

/** Starts following the connection; called once at boot, after the first screen is up. */
export function startSyncController(): void {
  if (started) return;
  started = true;
  let connection = '';
  let lastEdit: string | null = null;
  let editedDuringRun = false;
  let unfollow: (() => void) | null = null;
  const fail = (err: unknown): void => console.warn('Sync status could not be read', err);

  const recount = calmed(async () => {
    try {
      const [pending, conflicts] = await Promise.all([countPendingChanges(), listConflicts()]);
      stored = { ...stored, pending, conflicts: conflicts.length };
      publish();
    } catch (err) {
      fail(err);
    }
  }, RECOUNT_MS);

  // A run rewrites records it downloads: an edit seen during a run becomes a trigger only if changes are left after it.
  afterRun = () => {
    recount.now();
    if (!editedDuringRun) return;
    editedDuringRun = false;
    void countPendingChanges().then((n) => n > 0 && auto.localEdit(), fail);
  };

  // Followed only while a connection exists, through a few index reads: without sync an edit costs nothing extra.
  const follow = (): (() => void) =>
    subscribeLive(
      async () => {
        const [edit, lastRun] = await Promise.all([latestEditStamp(), lastSyncRun()]);
        return { edit, lastRun };
      },
      ({ edit, lastRun }) => {
        recordedLastRun = lastRun;
        stored = { ...stored, lastRun: newer(lastRun, ownLastRun) };
        publish();
        // A run writes every record it brings: counting after each would read the whole database each time, and
        // the count is taken when the run ends.
        if (phase.kind !== 'running') recount();
        if (lastEdit !== null && edit !== lastEdit) {
          if (phase.kind === 'running') editedDuringRun = true;
          else auto.localEdit();
        }
        lastEdit = edit;
      },
      fail,
    );

  const unfollowConfig = subscribeLive(
    loadSyncConfig,
    (config) => {
      const next = identity(config);
      if (next === connection) return;
      connection = next;
      configured = config !== null;
      if (configured) {
        publish();
        unfollow ??= follow();
        auto.start();
      } else {
        unfollow?.();
        unfollow = null;
        lastEdit = null;
        ownLastRun = recordedLastRun = null;
        stored = { pending: 0, conflicts: 0, lastRun: null };
        auto.stop();
        publish();
      }
    },
    fail,
  );

  const onOnline = (): void => {
    publish();
    auto.online();
  };
  const onOffline = (): void => {
    publish();
    auto.offline();
  };
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOffline);

  teardown = () => {
    unfollowConfig();
    unfollow?.();
    window.removeEventListener('online', onOnline);
    window.removeEventListener('offline', onOffline);
    auto.stop();
    afterRun = () => undefined;
    phase = { kind: 'idle' };
    configured = false;
    ownLastRun = recordedLastRun = null;
    stored = { pending: 0, conflicts: 0, lastRun: null };
    syncFacts.set(null);
    started = false;
  };
}

let teardown: () => void = () => undefined;

/** Stops following everything and cancels a run under way, as when the page closes; start again with startSyncController. */
export function stopSyncController(): void {
  teardown();
  teardown = () => undefined;
}

/** "Sync now", or the answer to a question sync stopped on. Resolves when that run has ended. */
export function syncNow(resolution?: SyncResolution): Promise<void> {
  return auto.syncNow(resolution);
}

/** The person put off answering: sync stays stopped until Sync now. */
export function dismissQuestion(): void {
  auto.dismissQuestion();
}
