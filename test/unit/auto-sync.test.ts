import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAutoSync, type AutoSync, type RunRequest } from '../../src/sync/auto-sync';
import { SYNC_LOCK, withSyncLock } from '../../src/sync/sync-lock';
import type { SyncPhase } from '../../src/sync/sync-status';

/** A LockManager with one exclusive lock per name, as Web Locks behave across tabs. */
class FakeLocks {
  held = new Set<string>();
  private queue: Array<() => void> = [];
  async request<T>(name: string, options: { ifAvailable?: boolean }, cb: (lock: { name: string } | null) => Promise<T>): Promise<T> {
    if (this.held.has(name)) {
      if (options.ifAvailable) return cb(null);
      await new Promise<void>((ok) => this.queue.push(ok));
    }
    this.held.add(name);
    try {
      return await cb({ name });
    } finally {
      this.held.delete(name);
      this.queue.shift()?.();
    }
  }
  /** Another tab takes the lock until the returned function is called. */
  holdElsewhere(name = SYNC_LOCK): () => void {
    let release!: () => void;
    void this.request(name, {}, () => new Promise<void>((ok) => (release = ok)));
    return () => release();
  }
}

class SyncStop extends Error {
  constructor(readonly reason: string, message: string) {
    super(message);
  }
}

interface Harness {
  sync: AutoSync;
  runs: RunRequest[];
  phases: SyncPhase[];
  locks: FakeLocks;
  setOnline(v: boolean): void;
  /** What the next runs do: resolve (default), or throw. */
  outcomes: Array<() => Promise<void>>;
}

function harness(): Harness {
  const runs: RunRequest[] = [];
  const phases: SyncPhase[] = [];
  const locks = new FakeLocks();
  const outcomes: Array<() => Promise<void>> = [];
  let online = true;
  const sync = createAutoSync(
    {
      run: async (req) => {
        runs.push(req);
        const next = outcomes.shift();
        if (next) await next();
      },
      withLock: (fn, wait) => withSyncLock(fn, wait, locks as unknown as LockManager),
      isOnline: () => online,
      onPhase: (p) => phases.push(p),
      now: () => Date.now(),
      random: () => 0.5,
    },
    { editDelayMs: 5_000, periodMs: 300_000, retryBaseMs: 15_000, retryMaxMs: 600_000, busyRetryMs: 5_000 },
  );
  return { sync, runs, phases, locks, outcomes, setOnline: (v) => (online = v) };
}

/** Lets promise chains settle without moving the clock. */
const settle = async (): Promise<void> => {
  await vi.advanceTimersByTimeAsync(0);
};

let h: Harness;
beforeEach(() => {
  vi.useFakeTimers();
  h = harness();
});
afterEach(() => {
  h.sync.stop();
  vi.useRealTimers();
});

describe('auto-sync triggers', () => {
  it('runs once at start, then every few minutes while open', async () => {
    h.sync.start();
    await settle();
    expect(h.runs).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(299_000);
    expect(h.runs).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(h.runs).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(300_000);
    expect(h.runs).toHaveLength(3);
  });

  it('runs five seconds after the last of a burst of edits, not after each', async () => {
    h.sync.start();
    await settle();
    for (let i = 0; i < 10; i++) {
      h.sync.localEdit();
      await vi.advanceTimersByTimeAsync(1_000);
    }
    expect(h.runs).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(4_000);
    expect(h.runs).toHaveLength(2);
  });

  it('never runs offline, and runs as soon as the network is back', async () => {
    h.setOnline(false);
    h.sync.start();
    h.sync.localEdit();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(h.runs).toHaveLength(0);
    h.setOnline(true);
    h.sync.online();
    await settle();
    expect(h.runs).toHaveLength(1);
  });

  it('stops the timers when the network goes and when the connection is forgotten', async () => {
    h.sync.start();
    await settle();
    h.setOnline(false);
    h.sync.offline();
    h.sync.localEdit();
    await vi.advanceTimersByTimeAsync(900_000);
    expect(h.runs).toHaveLength(1);
    h.setOnline(true);
    h.sync.online();
    await settle();
    expect(h.runs).toHaveLength(2);
    h.sync.stop();
    h.sync.localEdit();
    h.sync.online();
    await vi.advanceTimersByTimeAsync(900_000);
    expect(h.runs).toHaveLength(2);
  });

  it('does nothing before start: no connection, no sync', async () => {
    h.sync.localEdit();
    h.sync.online();
    await h.sync.syncNow();
    await vi.advanceTimersByTimeAsync(900_000);
    expect(h.runs).toHaveLength(0);
  });
});

describe('one run at a time', () => {
  it('runs again after a run during which an edit arrived, and never two at once', async () => {
    let finish!: () => void;
    let concurrent = 0;
    let most = 0;
    h.outcomes.push(async () => {
      concurrent++;
      most = Math.max(most, concurrent);
      await new Promise<void>((ok) => (finish = ok));
      concurrent--;
    });
    h.sync.start();
    await settle();
    h.sync.localEdit();
    h.sync.online();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(h.runs).toHaveLength(1);
    finish();
    await settle();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(h.runs).toHaveLength(2);
    expect(most).toBe(1);
  });

  it('skips while another tab holds the lock and tries again shortly', async () => {
    const release = h.locks.holdElsewhere();
    h.sync.start();
    await settle();
    expect(h.runs).toHaveLength(0);
    expect(h.phases.at(-1)).toEqual({ kind: 'idle' });
    release();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(h.runs).toHaveLength(1);
  });

  it('Sync now waits for the other tab instead of giving up', async () => {
    const release = h.locks.holdElsewhere();
    h.sync.start();
    await settle();
    const done = h.sync.syncNow();
    await settle();
    expect(h.runs).toHaveLength(0);
    release();
    await done;
    expect(h.runs).toHaveLength(1);
  });

  it('Sync now during a run starts another run after it, so the latest edit goes too', async () => {
    let finish!: () => void;
    h.outcomes.push(() => new Promise<void>((ok) => (finish = ok)));
    h.sync.start();
    await settle();
    const now = h.sync.syncNow();
    await settle();
    finish();
    await now;
    expect(h.runs).toHaveLength(2);
  });

  it('takes the lock named lectern-sync', async () => {
    let seen: boolean[] = [];
    h.outcomes.push(async () => {
      seen = [h.locks.held.has('lectern-sync')];
    });
    h.sync.start();
    await settle();
    expect(seen).toEqual([true]);
    expect(h.locks.held.size).toBe(0);
  });
});

describe('status phases and failures', () => {
  it('reports running with progress, then idle', async () => {
    h.outcomes.push(async () => {
      h.runs[0]!.onProgress({ done: 3, total: 40 });
    });
    h.sync.start();
    await settle();
    expect(h.phases).toEqual([{ kind: 'idle' }, { kind: 'running' }, { kind: 'running', done: 3, total: 40 }, { kind: 'idle' }]);
  });

  it('retries an unreachable server with growing waits, and the first success resets them', async () => {
    const unreachable = async (): Promise<void> => {
      throw new SyncStop('unreachable', 'The server did not answer.');
    };
    h.outcomes.push(unreachable, unreachable, unreachable);
    h.sync.start();
    await settle();
    expect(h.phases.at(-1)).toMatchObject({ kind: 'failed', reason: 'unreachable', message: 'The server did not answer.' });
    await vi.advanceTimersByTimeAsync(15_000);
    expect(h.runs).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(29_000);
    expect(h.runs).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(h.runs).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(h.runs).toHaveLength(4);
    expect(h.phases.at(-1)).toEqual({ kind: 'idle' });
    await vi.advanceTimersByTimeAsync(300_000);
    expect(h.runs).toHaveLength(5);
  });

  it('does not retry wrong credentials by itself; Sync now does', async () => {
    h.outcomes.push(async () => {
      throw new SyncStop('credentials', 'The server refused the user name or password.');
    });
    h.sync.start();
    await settle();
    expect(h.phases.at(-1)).toEqual({ kind: 'failed', reason: 'credentials', message: 'The server refused the user name or password.' });
    h.sync.localEdit();
    h.sync.online();
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(h.runs).toHaveLength(1);
    await h.sync.syncNow();
    expect(h.runs).toHaveLength(2);
    expect(h.phases.at(-1)).toEqual({ kind: 'idle' });
  });

  it('asks when the remote folder was lost, waits for the answer, and passes it to the run', async () => {
    h.outcomes.push(async () => {
      throw new SyncStop('remote-lost', 'The folder on the server is empty.');
    });
    h.sync.start();
    await settle();
    expect(h.phases.at(-1)).toEqual({ kind: 'asking', question: 'remote-lost', message: 'The folder on the server is empty.' });
    await vi.advanceTimersByTimeAsync(3_600_000);
    h.sync.localEdit();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(h.runs).toHaveLength(1);
    await h.sync.syncNow('upload-here');
    expect(h.runs[1]!.resolution).toBe('upload-here');
    expect(h.phases.at(-1)).toEqual({ kind: 'idle' });
  });

  it('keeps sync stopped when the question is put off', async () => {
    h.outcomes.push(async () => {
      throw new SyncStop('other-folder', 'This folder holds another set of notes.');
    });
    h.sync.start();
    await settle();
    h.sync.dismissQuestion();
    expect(h.phases.at(-1)).toMatchObject({ kind: 'failed', reason: 'other-folder' });
    h.sync.online();
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(h.runs).toHaveLength(1);
  });

  it('turns an unexpected error into a plain message and retries', async () => {
    h.outcomes.push(async () => {
      throw new TypeError('x is undefined');
    });
    h.sync.start();
    await settle();
    expect(h.phases.at(-1)).toMatchObject({ kind: 'failed', reason: 'server', message: expect.stringContaining('(x is undefined)') });
    await vi.advanceTimersByTimeAsync(15_000);
    expect(h.runs).toHaveLength(2);
  });

  it('says nothing failed when the network went away during a run', async () => {
    h.outcomes.push(async () => {
      h.setOnline(false);
      throw new SyncStop('unreachable', 'The server did not answer.');
    });
    h.sync.start();
    await settle();
    expect(h.phases.at(-1)).toEqual({ kind: 'idle' });
  });

  it('aborts the run under way when stopped', async () => {
    h.outcomes.push(() => new Promise<void>(() => undefined));
    h.sync.start();
    await settle();
    h.sync.stop();
    expect(h.runs[0]!.signal.aborted).toBe(true);
  });
});

describe('withSyncLock', () => {
  it('runs directly where the browser has no Web Locks', async () => {
    const fn = vi.fn(async () => undefined);
    expect(await withSyncLock(fn, false, undefined)).toBe(true);
    expect(fn).toHaveBeenCalledOnce();
  });
});
