/**
 * When sync runs by itself: at start, when the network comes back, a few seconds after the last edit, every few
 * minutes while the app is open, and when asked. One run at a time in this tab, and across tabs through a lock.
 */
import type { SyncPhase, SyncQuestion } from './sync-status';

export type SyncResolution = 'upload-here' | 'merge-into';

export interface RunRequest {
  signal: AbortSignal;
  onProgress: (p: { done: number; total: number }) => void;
  resolution?: SyncResolution;
}

export interface AutoSyncDeps {
  /** One sync run. A stop is an error with a `reason` (the engine's SyncStop) and a message in plain words. */
  run(req: RunRequest): Promise<void>;
  /**
   * Runs `fn` holding the cross-tab sync lock. With `wait` false it gives up at once when another tab holds the
   * lock and resolves false; otherwise it queues for it.
   */
  withLock(fn: () => Promise<void>, wait: boolean): Promise<boolean>;
  isOnline(): boolean;
  onPhase(phase: SyncPhase): void;
  now?: () => number;
  /** 0 ≤ x < 1, spreads retries so devices that failed together do not retry together. */
  random?: () => number;
}

export interface AutoSyncOptions {
  /** Quiet time after the last edit before a run; a few seconds keeps two devices' edits from crossing. */
  editDelayMs?: number;
  periodMs?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** When another tab holds the lock: look again after this long. */
  busyRetryMs?: number;
}

export interface AutoSync {
  /** The app opened, or a connection was just saved: sync now, and keep syncing. */
  start(): void;
  /** The connection was forgotten or the app is closing: cancel timers and the run under way. */
  stop(): void;
  /** The person pressed "Sync now", or answered a question (with `resolution`). Resolves when that run ended. */
  syncNow(resolution?: SyncResolution): Promise<void>;
  /** A note changed on this device. */
  localEdit(): void;
  online(): void;
  offline(): void;
  /** The person chose not to answer a question now: sync stays stopped until they press Sync now. */
  dismissQuestion(): void;
}

const QUESTIONS: readonly string[] = ['remote-lost', 'other-folder'] satisfies SyncQuestion[];
/** Stops that trying again cannot fix: the person must change something first. */
const NEEDS_PERSON: readonly string[] = ['credentials', 'newer-format'];

interface Stop {
  reason: string;
  message: string;
}

function asStop(err: unknown): Stop {
  const e = err as { reason?: unknown; message?: unknown } | null;
  if (e && typeof e.reason === 'string' && typeof e.message === 'string') return { reason: e.reason, message: e.message };
  const detail = e && typeof e.message === 'string' && e.message ? ` (${e.message})` : '';
  return { reason: 'server', message: `Sync stopped on an unexpected problem${detail}. Your notes on this device are unchanged.` };
}

export function createAutoSync(deps: AutoSyncDeps, options: AutoSyncOptions = {}): AutoSync {
  const editDelay = options.editDelayMs ?? 5_000;
  const period = options.periodMs ?? 5 * 60_000;
  const retryBase = options.retryBaseMs ?? 15_000;
  const retryMax = options.retryMaxMs ?? 10 * 60_000;
  const busyRetry = options.busyRetryMs ?? 5_000;
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;

  let started = false;
  /** Set by a stop only the person can lift (a question, wrong credentials): no run starts by itself. */
  let paused = false;
  let failures = 0;
  let phase: SyncPhase = { kind: 'idle' };
  let editTimer: ReturnType<typeof setTimeout> | undefined;
  let nextTimer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | null = null;
  let controller: AbortController | null = null;
  /** A trigger arrived during a run: the run may have read the database before that change. */
  let again = false;

  const setPhase = (p: SyncPhase): void => {
    phase = p;
    deps.onPhase(p);
  };
  const clearTimers = (): void => {
    clearTimeout(editTimer);
    clearTimeout(nextTimer);
    editTimer = nextTimer = undefined;
  };
  const scheduleNext = (ms: number): void => {
    clearTimeout(nextTimer);
    nextTimer = setTimeout(() => void auto(), ms);
  };
  const retryDelay = (): number => Math.min(retryBase * 2 ** (failures - 1), retryMax) * (0.75 + random() * 0.5);

  const auto = (): Promise<void> => (started && !paused ? execute(false) : Promise.resolve());

  function fail(err: unknown, signal: AbortSignal): void {
    if (signal.aborted && !started) return;
    // Going offline mid-run is not a failure worth a message: the status line says offline, and coming back resumes.
    if (!deps.isOnline()) {
      setPhase({ kind: 'idle' });
      return;
    }
    const stop = asStop(err);
    if (QUESTIONS.includes(stop.reason)) {
      paused = true;
      setPhase({ kind: 'asking', question: stop.reason as SyncQuestion, message: stop.message });
    } else if (NEEDS_PERSON.includes(stop.reason)) {
      paused = true;
      setPhase({ kind: 'failed', reason: stop.reason, message: stop.message });
    } else {
      failures += 1;
      const delay = retryDelay();
      setPhase({ kind: 'failed', reason: stop.reason, message: stop.message, retryAt: now() + delay });
      scheduleNext(delay);
    }
  }

  function execute(byPerson: boolean, resolution?: SyncResolution): Promise<void> {
    if (!started || !deps.isOnline()) return Promise.resolve();
    if (running) {
      again = true;
      // Someone pressing Sync now during a run gets a run that starts after it, so it sees their latest edit.
      return byPerson ? running.then(() => execute(true, resolution)) : running;
    }
    clearTimers();
    const ac = new AbortController();
    controller = ac;
    const run = (async () => {
      try {
        const got = await deps.withLock(async () => {
          setPhase({ kind: 'running' });
          await deps.run({
            signal: ac.signal,
            onProgress: ({ done, total }) => setPhase({ kind: 'running', done, total }),
            ...(resolution ? { resolution } : {}),
          });
        }, byPerson);
        if (!started) return;
        if (!got) {
          // Another tab is syncing the same database; look again shortly in case it started before our edit.
          scheduleNext(busyRetry);
          return;
        }
        failures = 0;
        paused = false;
        setPhase({ kind: 'idle' });
        scheduleNext(period);
      } catch (err) {
        if (started) fail(err, ac.signal);
      }
    })();
    running = run.finally(() => {
      running = null;
      if (controller === ac) controller = null;
      if (again && started && !paused) {
        again = false;
        localEdit();
      }
      again = false;
    });
    return running;
  }

  function localEdit(): void {
    if (!started || paused) return;
    if (running) {
      again = true;
      return;
    }
    clearTimeout(editTimer);
    editTimer = setTimeout(() => void auto(), editDelay);
  }

  return {
    start() {
      started = true;
      paused = false;
      failures = 0;
      setPhase({ kind: 'idle' });
      void execute(false);
    },
    stop() {
      started = false;
      paused = false;
      clearTimers();
      controller?.abort();
      setPhase({ kind: 'idle' });
    },
    syncNow(resolution) {
      paused = false;
      failures = 0;
      return execute(true, resolution);
    },
    localEdit,
    online() {
      if (!started || paused) return;
      failures = 0;
      void execute(false);
    },
    offline() {
      clearTimers();
      // Running requests fail on their own; the run is resumable, so nothing is lost.
      if (phase.kind === 'failed' && !paused) setPhase({ kind: 'idle' });
    },
    dismissQuestion() {
      if (phase.kind !== 'asking') return;
      setPhase({ kind: 'failed', reason: phase.question, message: `${phase.message} Sync stays stopped until you choose; Sync now asks again.` });
    },
  };
}
