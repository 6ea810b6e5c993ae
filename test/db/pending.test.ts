import { describe, expect, it } from 'vitest';
import { onPendingWrites, trackWrite, whenWritesSettled } from '../../src/db/pending';

/** A promise with its settling functions, to hold a write in flight as long as a test needs. */
function deferred<T = void>(): { promise: Promise<T>; resolve: (v: T) => void; reject: (e: unknown) => void } {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Whether a promise has settled by the time queued callbacks have run. */
async function isSettled(p: Promise<unknown>): Promise<boolean> {
  let done = false;
  p.then(
    () => (done = true),
    () => (done = true),
  );
  for (let i = 0; i < 10; i++) await Promise.resolve();
  return done;
}

describe('pending writes', () => {
  it('resolves at once when no write is in flight', async () => {
    expect(await isSettled(whenWritesSettled())).toBe(true);
  });

  it('waits until every write in flight has settled, failed ones included', async () => {
    const first = deferred();
    const second = deferred();
    const a = trackWrite(() => first.promise);
    const b = trackWrite(() => second.promise);
    const settled = whenWritesSettled();

    first.resolve();
    await a;
    expect(await isSettled(settled)).toBe(false);

    second.reject(new Error('disk full'));
    await expect(b).rejects.toThrow('disk full');
    expect(await isSettled(settled)).toBe(true);
  });

  it('passes the write result through', async () => {
    await expect(trackWrite(async () => 42)).resolves.toBe(42);
  });

  it('counts a write that throws before returning a promise, then settles', async () => {
    await expect(
      trackWrite(() => {
        throw new Error('sync');
      }),
    ).rejects.toThrow('sync');
    expect(await isSettled(whenWritesSettled())).toBe(true);
  });

  it('tells listeners how many writes are in flight, until they unsubscribe', async () => {
    const seen: number[] = [];
    const stop = onPendingWrites((n) => seen.push(n));
    const one = deferred();
    const two = deferred();
    const a = trackWrite(() => one.promise);
    const b = trackWrite(() => two.promise);
    one.resolve();
    await a;
    two.resolve();
    await b;
    stop();
    await trackWrite(async () => undefined);
    expect(seen).toEqual([0, 1, 2, 1, 0]);
  });
});
