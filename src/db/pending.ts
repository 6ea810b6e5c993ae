/** Counts writes still in flight, so an update or a reload can wait until everything typed is stored. */

type Listener = (pending: number) => void;

let pending = 0;
let idleWaiters: Array<() => void> = [];
const listeners = new Set<Listener>();

function emit(): void {
  for (const l of listeners) l(pending);
  if (pending === 0) {
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const w of waiters) w();
  }
}

/** Runs a write and counts it as pending until it settles; the write's own result passes through. */
export async function trackWrite<T>(write: () => Promise<T>): Promise<T> {
  pending++;
  emit();
  try {
    return await write();
  } finally {
    pending--;
    emit();
  }
}

/** Resolves once no write is in flight. */
export function whenWritesSettled(): Promise<void> {
  if (pending === 0) return Promise.resolve();
  return new Promise((resolve) => idleWaiters.push(resolve));
}

/** Calls back with the number of writes in flight whenever it changes. */
export function onPendingWrites(listener: Listener): () => void {
  listeners.add(listener);
  listener(pending);
  return () => listeners.delete(listener);
}
